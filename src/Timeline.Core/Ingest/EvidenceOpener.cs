using System.IO.Compression;

namespace Timeline.Core.Ingest;

/// <summary>
/// Opens evidence strictly read-only (FileAccess.Read, sharing writes so a live log can be read).
/// Gzip is recognised by its magic bytes (1F 8B), not by the <c>.gz</c> suffix; its header MTIME is
/// kept because it tells when a rotated log was last written even after copying.
/// </summary>
public static class EvidenceOpener
{
    public static Stream OpenRaw(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Opens a file as it is now (its whole current length).</summary>
    public static EvidenceSource Open(string path) => Open(path, new FileInfo(path).Length, CancellationToken.None);

    /// <summary>
    /// Opens the first <paramref name="length"/> bytes of a file: the length taken before hashing, so
    /// that what is parsed is exactly what the SHA-256 covers even when a live log grows meanwhile.
    /// Every read checks <paramref name="cancellation"/>.
    /// </summary>
    public static EvidenceSource Open(string path, long length, CancellationToken cancellation)
    {
        var info = new FileInfo(path);
        var mtime = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        Stream Raw() => new BoundedEvidenceStream(OpenRaw(path), length, cancellation);
        Span<byte> header = stackalloc byte[10];
        int got;
        using (var raw = Raw()) got = raw.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var gzip = got >= 2 && header[0] == 0x1F && header[1] == 0x8B;
        if (!gzip) return new EvidenceSource(path, Raw, mtime);
        DateTimeOffset? gzipTime = null;
        if (got >= 8)
        {
            var seconds = BitConverter.ToUInt32(header[4..8]);
            if (seconds != 0) gzipTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        var isize = ReadTrailerSize(path, length);
        return new EvidenceSource(path, () => new GzipTrailerCheck(new GZipStream(Raw(), CompressionMode.Decompress), isize), mtime, gzipTime, compressed: true);
    }

    private static uint ReadTrailerSize(string path, long length)
    {
        using var raw = OpenRaw(path);
        if (length < 18 || raw.Length < length) return uint.MaxValue;
        raw.Seek(length - 4, SeekOrigin.Begin);
        Span<byte> size = stackalloc byte[4];
        raw.ReadExactly(size);
        return BitConverter.ToUInt32(size);
    }
}
