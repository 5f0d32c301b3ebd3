using System.Buffers.Binary;
using K4os.Compression.LZ4;
using SharpCompress.Compressors.Xz;
using SharpCompress.Compressors.ZStandard;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Decompresses DATA payloads (journald compresses a field over 512 bytes by default), never into
/// more than <see cref="MaxOutputBytes"/>: a hostile payload that claims or expands to gigabytes is
/// cut there. Formats (systemd's <c>compress.c</c> conventions, JOURNAL_FILE_FORMAT):
/// <list type="bullet">
/// <item>zstd: one zstd frame (systemd 246+, the default from 252). SharpCompress, already used for
/// <c>.tar.zst</c> evidence, carries a managed port of the reference decoder (the ZstdSharp code),
/// so no second zstd library is needed; one decoder context is reused for every payload.</item>
/// <item>LZ4: an le64 decompressed size, then one LZ4 block (no frame). K4os.Compression.LZ4 decodes
/// blocks, also the first part of one (<c>PartialDecode</c>).</item>
/// <item>xz: an xz stream (the oldest journals), through SharpCompress's <c>XZStream</c>.</item>
/// </list>
/// </summary>
public sealed class PayloadDecompressor : IDisposable
{
    /// <summary>Largest decompressed payload kept: a name, '=', a value at the value bound, and one byte to tell it was longer.</summary>
    public const int MaxOutputBytes = JournalEntry.MaxValueBytes + JournalFields.MaxNameLength + 2;

    /// <summary>zstd windows up to 8 MiB (journald's fields are far smaller): a frame asking for more is refused, not allocated.</summary>
    private const int MaxZstdWindowLog = 23;

    private readonly byte[] _output = new byte[MaxOutputBytes];
    private Decompressor? _zstd;

    /// <summary>
    /// Decompresses <paramref name="payload"/>; <paramref name="output"/> holds at most
    /// <see cref="MaxOutputBytes"/> bytes (more means the value was longer and is cut). False with a
    /// reason when the payload is not valid for its format.
    /// </summary>
    public bool TryDecompress(ObjectFlags flags, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> output, out string? error)
    {
        output = default;
        error = null;
        try
        {
            int length;
            switch (flags & ObjectFlags.Compression)
            {
                case ObjectFlags.CompressedZstd:
                    length = Zstd(payload);
                    break;
                case ObjectFlags.CompressedLz4:
                    if (!Lz4(payload, out length, out error)) return false;
                    break;
                case ObjectFlags.CompressedXz:
                    length = Xz(payload);
                    break;
                default:
                    error = $"object flags 0x{(byte)flags:x2} name more than one compression";
                    return false;
            }
            output = _output.AsSpan(0, length);
            return true;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // The decoders throw many types on corrupt input (SharpCompress's own format exceptions,
            // ZstdException, index and argument exceptions from a lying block): all mean a corrupt payload.
            error = $"{CompressionName(flags)} payload is corrupt ({ex.Message.TrimEnd('.')})";
            return false;
        }
    }

    public static string CompressionName(ObjectFlags flags) => (flags & ObjectFlags.Compression) switch
    {
        ObjectFlags.CompressedZstd => "zstd",
        ObjectFlags.CompressedLz4 => "LZ4",
        ObjectFlags.CompressedXz => "xz",
        _ => "compressed",
    };

    private int Zstd(ReadOnlySpan<byte> payload)
    {
        if (_zstd is null)
        {
            _zstd = new Decompressor();
            _zstd.SetParameter(SharpCompress.Compressors.ZStandard.Unsafe.ZSTD_dParameter.ZSTD_d_windowLogMax, MaxZstdWindowLog);
        }
        // One shot when it fits (the usual case); else stream just the first MaxOutputBytes.
        if (_zstd.TryUnwrap(payload, _output, out var written)) return written;
        var stream = new DecompressionStream(new MemoryStream(payload.ToArray(), writable: false));
        stream.SetParameter(SharpCompress.Compressors.ZStandard.Unsafe.ZSTD_dParameter.ZSTD_d_windowLogMax, MaxZstdWindowLog);
        return ReadPrefix(stream);
    }

    private bool Lz4(ReadOnlySpan<byte> payload, out int length, out string? error)
    {
        length = 0;
        error = null;
        if (payload.Length < 8)
        {
            error = "LZ4 payload is shorter than its 8-byte size";
            return false;
        }
        var size = BinaryPrimitives.ReadUInt64LittleEndian(payload);
        var block = payload[8..];
        if (size <= (ulong)_output.Length)
        {
            length = LZ4Codec.Decode(block, _output.AsSpan(0, (int)size));
            if (length == (int)size) return true;
            error = $"LZ4 block does not decode to its stated {size} bytes";
            return false;
        }
        length = LZ4Codec.PartialDecode(block, _output);
        if (length > 0) return true;
        error = "LZ4 block is corrupt";
        return false;
    }

    private int Xz(ReadOnlySpan<byte> payload) => ReadPrefix(new XZStream(new MemoryStream(payload.ToArray(), writable: false)));

    private int ReadPrefix(Stream decompressing)
    {
        using (decompressing)
        {
            return decompressing.ReadAtLeast(_output, _output.Length, throwOnEndOfStream: false);
        }
    }

    public void Dispose() => _zstd?.Dispose();
}
