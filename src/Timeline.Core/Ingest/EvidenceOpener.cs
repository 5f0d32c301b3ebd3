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

    public static EvidenceSource Open(string path)
    {
        var info = new FileInfo(path);
        var mtime = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        Span<byte> header = stackalloc byte[10];
        int got;
        using (var raw = OpenRaw(path)) got = raw.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var gzip = got >= 2 && header[0] == 0x1F && header[1] == 0x8B;
        if (!gzip) return new EvidenceSource(path, () => OpenRaw(path), mtime);
        DateTimeOffset? gzipTime = null;
        if (got >= 8)
        {
            var seconds = BitConverter.ToUInt32(header[4..8]);
            if (seconds != 0) gzipTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        var isize = ReadTrailerSize(path);
        return new EvidenceSource(path, () => new GzipTrailerCheck(new GZipStream(OpenRaw(path), CompressionMode.Decompress), isize), mtime, gzipTime, compressed: true);
    }

    private static uint ReadTrailerSize(string path)
    {
        using var raw = OpenRaw(path);
        if (raw.Length < 18) return uint.MaxValue;
        raw.Seek(-4, SeekOrigin.End);
        Span<byte> size = stackalloc byte[4];
        raw.ReadExactly(size);
        return BitConverter.ToUInt32(size);
    }
}
