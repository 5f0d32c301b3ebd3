namespace Timeline.Core.Store;

/// <summary>
/// The case could not be written. When the disk is full (<see cref="DiskFull"/>) the ingest stops;
/// any other failure (a value the backend refuses, an I/O error on one write) costs only the
/// evidence file being written. What was committed stays usable either way.
/// </summary>
public sealed class CaseWriteException(string message, Exception inner) : IOException(message, inner)
{
    // errno ENOSPC (28) and EDQUOT (122) as .NET reports them on Unix (HResult = errno); Windows
    // ERROR_HANDLE_DISK_FULL (0x27) and ERROR_DISK_FULL (0x70) as HRESULTs.
    private static readonly int[] DiskFullCodes = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    /// <summary>Whether the failure is a full disk (or quota): the only case where freeing space is the advice.</summary>
    public bool DiskFull
    {
        get
        {
            for (Exception? e = InnerException; e is not null; e = e.InnerException)
            {
                if (e is IOException && Array.IndexOf(DiskFullCodes, e.HResult) >= 0) return true;
            }
            return false;
        }
    }
}
