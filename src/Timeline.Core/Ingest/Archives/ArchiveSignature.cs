using System.IO.Compression;
using SharpCompress.Compressors.Xz;
using SharpCompress.Compressors.ZStandard;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Recognises an archive by its first bytes. Zip: a local file header <c>PK\x03\x04</c> (or the end
/// record <c>PK\x05\x06</c> of an empty zip). Tar: the POSIX/GNU magic <c>ustar</c> at offset 257 of
/// the first 512-byte header, or a pre-POSIX (v7) header whose checksum field adds up. A compressed
/// stream (gzip <c>1F 8B</c>, xz <c>FD 37 7A 58 5A 00</c>, zstd <c>28 B5 2F FD</c>) is an archive only
/// when its decompressed start is a tar header: a gzip-compressed log stays a log.
/// </summary>
public static class ArchiveSignature
{
    /// <summary>Bytes needed to tell: one tar header.</summary>
    public const int HeadBytes = 512;

    public static ArchiveFormat Of(Func<Stream> open)
    {
        try
        {
            var head = ReadHead(open);
            if (IsZip(head)) return ArchiveFormat.Zip;
            if (IsTarHeader(head)) return ArchiveFormat.Tar;
            var compression = CompressionOf(head);
            if (compression == ArchiveFormat.None) return ArchiveFormat.None;
            using var raw = open();
            using var inner = Decompress(raw, compression);
            return IsTarHeader(ReadHead(() => inner, dispose: false)) ? compression : ArchiveFormat.None;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            // A damaged compressed start is not an archive we can read: it stays a file, and its
            // parser reports the damage as it does for any damaged compressed log.
            return ArchiveFormat.None;
        }
    }

    /// <summary>The decompressing stream for a compressed tar (the caller owns <paramref name="raw"/>).</summary>
    public static Stream Decompress(Stream raw, ArchiveFormat format) => format switch
    {
        ArchiveFormat.TarGzip => new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true),
        ArchiveFormat.TarXz => new XZStream(new NonClosingStream(raw)),
        ArchiveFormat.TarZstd => new DecompressionStream(new NonClosingStream(raw)),
        _ => new NonClosingStream(raw),
    };

    private static byte[] ReadHead(Func<Stream> open, bool dispose = true)
    {
        var head = new byte[HeadBytes];
        var stream = open();
        try
        {
            var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head[..got];
        }
        finally
        {
            if (dispose) stream.Dispose();
        }
    }

    private static bool IsZip(ReadOnlySpan<byte> h) =>
        h.Length >= 4 && h[0] == 'P' && h[1] == 'K' && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6));

    private static ArchiveFormat CompressionOf(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 2 && h[0] == 0x1F && h[1] == 0x8B) return ArchiveFormat.TarGzip;
        if (h.Length >= 6 && h[..6].SequenceEqual((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return ArchiveFormat.TarXz;
        if (h.Length >= 4 && h[..4].SequenceEqual((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return ArchiveFormat.TarZstd;
        return ArchiveFormat.None;
    }

    /// <summary>A tar header: <c>ustar</c> at 257 (POSIX and GNU), or a v7 header whose octal checksum (148..155) matches.</summary>
    public static bool IsTarHeader(ReadOnlySpan<byte> h)
    {
        if (h.Length < HeadBytes) return false;
        if (h.Slice(257, 5).SequenceEqual("ustar"u8)) return true;
        if (h[0] == 0) return false;
        long sum = 0;
        for (var i = 0; i < HeadBytes; i++) sum += i is >= 148 and < 156 ? (byte)' ' : h[i];
        var field = h.Slice(148, 8);
        long recorded = 0;
        var digits = 0;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0) { if (digits > 0) break; continue; }
            if (b is < (byte)'0' or > (byte)'7') return false;
            recorded = recorded * 8 + (b - '0');
            digits++;
        }
        return digits > 0 && recorded == sum;
    }
}
