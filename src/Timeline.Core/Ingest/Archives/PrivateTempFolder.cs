namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// The one place archive members larger than the memory bound are spooled: a folder under the
/// system's temporary folder, created on first use with mode 0700 (only this user can read what the
/// evidence holds), never next to the evidence, deleted with everything in it when disposed — also
/// when the ingest fails. Files in it are named by a counter, never by a member name.
/// </summary>
public sealed class PrivateTempFolder : IDisposable
{
    private string? _path;
    private long _next;

    public string? PathIfCreated => _path;

    public string NewFile()
    {
        if (_path is null)
        {
            _path = Directory.CreateTempSubdirectory("timeline-spool-").FullName;
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Path.Combine(_path, $"member-{++_next}");
    }

    public void Dispose()
    {
        if (_path is null) return;
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder is private (0700) and under the system's temporary folder.
        }
        _path = null;
    }
}
