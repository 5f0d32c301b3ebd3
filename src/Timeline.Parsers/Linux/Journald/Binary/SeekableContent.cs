using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// A binary journal is read by offsets, so it needs a seekable stream. Plain files are (a
/// <c>FileStream</c> under the evidence bound), and so are archive members (spooled to memory or a
/// private temporary file by the archive code). A journal inside a <c>.gz</c> is not: its content is
/// copied once, up to <see cref="MemoryBytes"/> in memory, beyond that to a temporary file readable
/// only by this user and deleted when closed, at most <see cref="MaxBytes"/> (journald rotates
/// files at 128 MiB by default; the bound leaves room for larger settings).
/// </summary>
public static class SeekableContent
{
    public const long MemoryBytes = 64L * 1024 * 1024;
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The stream itself when it can seek, else a copy; the caller disposes what it gets (and the original).</summary>
    public static Stream From(Stream content, ParseContext context)
    {
        if (content.CanSeek) return content;
        var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        Stream copy = memory;
        long total = 0;
        try
        {
            while (true)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                int n;
                try
                {
                    n = content.Read(buffer);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
                {
                    context.Warn(0, $"the compressed content ends unexpectedly after {total:N0} bytes ({ex.Message.TrimEnd('.')}); the journal is read as far as it goes", kind: Core.Events.PositionKind.Record);
                    break;
                }
                if (n <= 0) break;
                if (total + n > MaxBytes)
                {
                    context.Warn(0, $"the journal is larger than {MaxBytes:N0} bytes once decompressed; only the first {MaxBytes:N0} are read", kind: Core.Events.PositionKind.Record);
                    n = (int)(MaxBytes - total);
                }
                if (copy == memory && total + n > MemoryBytes) copy = Spill(memory);
                copy.Write(buffer, 0, n);
                total += n;
                if (total >= MaxBytes) break;
            }
            copy.Position = 0;
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    private static FileStream Spill(MemoryStream memory)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"timeline-journal-{Guid.NewGuid():N}"), options);
        memory.Position = 0;
        memory.CopyTo(file);
        memory.Dispose();
        return file;
    }
}
