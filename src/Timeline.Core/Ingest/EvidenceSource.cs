namespace Timeline.Core.Ingest;

/// <summary>
/// One evidence file, opened read-only. <see cref="OpenContent"/> may be called more than once
/// (e.g. a pre-scan for year inference, then the parse) and returns the decompressed bytes.
/// </summary>
public sealed class EvidenceSource
{
    private readonly Func<Stream> _open;

    public EvidenceSource(string path, Func<Stream> open, DateTimeOffset modifiedUtc, DateTimeOffset? gzipModifiedUtc = null, bool compressed = false)
    {
        Path = path;
        _open = open;
        ModifiedUtc = modifiedUtc;
        GzipModifiedUtc = gzipModifiedUtc;
        Compressed = compressed;
    }

    /// <summary>The path as given on the command line (relative paths stay relative).</summary>
    public string Path { get; }

    /// <summary>
    /// The file's path on the examined host, for the parsers whose meaning depends on it (crontab
    /// spool → user, <c>home/&lt;user&gt;/.bash_history</c> → user, <c>/etc/systemd/system</c> units): for an
    /// archive member the re-rooted path (<c>[root]/var/log/auth.log</c> → <c>/var/log/auth.log</c>), for a
    /// file in a folder the path as given (the folder is a copy of the host's tree).
    /// </summary>
    public string HostPath
    {
        get => _hostPath ?? Path;
        init => _hostPath = value;
    }

    private readonly string? _hostPath;

    /// <summary>The file's last-write time on disk (UTC); for an archive member, the member's stored time.</summary>
    public DateTimeOffset ModifiedUtc { get; }

    /// <summary>For <c>.gz</c> files, the MTIME of the gzip header when non-zero: when the content was last written.</summary>
    public DateTimeOffset? GzipModifiedUtc { get; }

    public bool Compressed { get; }

    /// <summary>When the content was last written: the gzip header time if there is one, else the file mtime.</summary>
    public DateTimeOffset ContentModifiedUtc => GzipModifiedUtc ?? ModifiedUtc;

    /// <summary>Opens the (decompressed) content, read-only, from the start.</summary>
    public Stream OpenContent() => _open();

    /// <summary>A source over bytes in memory (tests).</summary>
    public static EvidenceSource FromBytes(string path, byte[] content, DateTimeOffset modifiedUtc) =>
        new(path, () => new MemoryStream(content, writable: false), modifiedUtc);
}
