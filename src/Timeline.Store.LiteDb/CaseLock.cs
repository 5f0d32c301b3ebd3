using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// Guards a case file across processes. On Linux LiteDB's direct mode takes no lock and two
/// writers corrupt the file, so we hold <c>&lt;case&gt;.lock</c>: exclusively to write, shared to read
/// (.NET maps FileShare.None / Read to flock LOCK_EX / LOCK_SH). The kernel drops the lock when the
/// process dies, so a killed ingest never leaves the case locked.
/// </summary>
public sealed class CaseLock : IDisposable
{
    private readonly FileStream? _stream;

    private CaseLock(FileStream? stream) => _stream = stream;

    public static CaseLock ForWriting(string casePath) => Take(casePath, exclusive: true);

    public static CaseLock ForReading(string casePath) => Take(casePath, exclusive: false);

    private static CaseLock Take(string casePath, bool exclusive)
    {
        var lockPath = casePath + ".lock";
        try
        {
            var stream = exclusive
                ? new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            return new CaseLock(stream);
        }
        catch (UnauthorizedAccessException) when (!exclusive)
        {
            // A case on read-only media cannot be written by anyone: reading without the lock is safe.
            return new CaseLock(null);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new CaseBusyException(casePath, exclusive);
        }
    }

    public void Dispose() => _stream?.Dispose();
}
