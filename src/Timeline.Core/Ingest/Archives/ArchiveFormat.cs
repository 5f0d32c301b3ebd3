namespace Timeline.Core.Ingest.Archives;

/// <summary>The container formats read as archives (recognised by magic bytes, never by name).</summary>
public enum ArchiveFormat
{
    /// <summary>Not an archive: a log file (possibly a gzip-compressed one), parsed as today.</summary>
    None,
    Tar,
    TarGzip,
    TarXz,
    TarZstd,
    Zip,
}

public static class ArchiveFormatNames
{
    /// <summary>The evidence-file format recorded for an archive, e.g. <c>archive/tar.gz</c>.</summary>
    public static string Of(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Tar => "archive/tar",
        ArchiveFormat.TarGzip => "archive/tar.gz",
        ArchiveFormat.TarXz => "archive/tar.xz",
        ArchiveFormat.TarZstd => "archive/tar.zst",
        ArchiveFormat.Zip => "archive/zip",
        _ => "",
    };

    public static bool IsArchive(string recordedFormat) => recordedFormat.StartsWith("archive/", StringComparison.Ordinal);
}
