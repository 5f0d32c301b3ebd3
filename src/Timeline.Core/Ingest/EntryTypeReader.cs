using System.Runtime.InteropServices;

namespace Timeline.Core.Ingest;

/// <summary>
/// Tells regular files from FIFOs, devices and sockets without opening them (opening a FIFO blocks).
/// .NET has no public API for the file type (FileAttributes says Normal for a FIFO), so on Unix this
/// calls lstat through the runtime's own native shim, libSystem.Native, which ships with every .NET
/// runtime: <c>SystemNative_LStat</c> fills a FileStatus whose second 32-bit field is st_mode.
/// On Windows every non-directory is a regular file for our purposes.
/// </summary>
public static class EntryTypeReader
{
    // S_IFMT and the file-type values of st_mode (POSIX <sys/stat.h>, the same on Linux and macOS).
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000, CharDevice = 0x2000, DirectoryType = 0x4000, BlockDevice = 0x6000, RegularType = 0x8000, Link = 0xA000, SocketType = 0xC000;

    /// <summary>System.Native's FileStatus (pal_io.h): Flags, Mode, then fields we do not read; sized with room to spare.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 512)]
    private struct FileStatus
    {
        [FieldOffset(4)] public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int LStat(string path, out FileStatus status);

    public static EntryType Of(string path)
    {
        if (OperatingSystem.IsWindows()) return Managed(path);
        FileStatus status;
        try
        {
            if (LStat(path, out status) != 0) return EntryType.Missing;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim (e.g. a single-file bundle): managed checks only, which
            // cannot tell a FIFO from a file.
            return Managed(path);
        }
        return (status.Mode & TypeMask) switch
        {
            RegularType => EntryType.Regular,
            DirectoryType => EntryType.Directory,
            Link => EntryType.SymbolicLink,
            Fifo => EntryType.Fifo,
            CharDevice => EntryType.CharacterDevice,
            BlockDevice => EntryType.BlockDevice,
            SocketType => EntryType.Socket,
            _ => EntryType.Missing,
        };
    }

    private static EntryType Managed(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryType.SymbolicLink;
        if (Directory.Exists(path)) return EntryType.Directory;
        return info.Exists ? EntryType.Regular : EntryType.Missing;
    }

    /// <summary>How the type is named in warnings.</summary>
    public static string Describe(EntryType type) => type switch
    {
        EntryType.Fifo => "FIFO (named pipe)",
        EntryType.CharacterDevice => "character device",
        EntryType.BlockDevice => "block device",
        EntryType.Socket => "socket",
        EntryType.SymbolicLink => "symbolic link",
        EntryType.Directory => "folder",
        EntryType.Regular => "regular file",
        _ => "missing",
    };
}
