using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// CRC-32 as EVTX uses it: RFC 1952 (the gzip/zlib polynomial 0xEDB88320, reflected), initial value 0,
/// final XOR. Chunk headers carry two: one over the header (bytes 0..120 and 128..512), one over the
/// event records (512..free space offset). Slicing-by-8 keeps the records CRC cheap next to decoding.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more bytes, as if they followed the bytes already hashed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        crc = ~crc;
        if (data.Length >= 64 && Pclmulqdq.IsSupported && Sse41.IsSupported)
        {
            var folded = data.Length & ~15;
            crc = Fold(data[..folded], crc);
            data = data[folded..];
        }
        while (data.Length >= 8)
        {
            var one = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (one & 0xFF)] ^ table[(6 * 256) + ((one >> 8) & 0xFF)]
                ^ table[(5 * 256) + ((one >> 16) & 0xFF)] ^ table[(4 * 256) + (one >> 24)]
                ^ table[(3 * 256) + (two & 0xFF)] ^ table[(2 * 256) + ((two >> 8) & 0xFF)]
                ^ table[256 + ((two >> 16) & 0xFF)] ^ table[two >> 24];
            data = data[8..];
        }
        foreach (var b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>
    /// CRC-32 of a multiple of 16 bytes (at least 64) by carry-less multiplication (PCLMULQDQ): four 128-bit
    /// lanes folded 64 bytes at a time, then into one lane, then reduced to 32 bits (Barrett). The folding
    /// constants are those of zlib's SIMD CRC-32 for the reflected polynomial 0xEDB88320. Takes and returns
    /// the register as the table loop keeps it (inverted).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Fold(ReadOnlySpan<byte> data, uint crc)
    {
        var k1k2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
        var k3k4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
        var k5k0 = Vector128.Create(0x0163cd6124UL, 0UL);
        var poly = Vector128.Create(0x01db710641UL, 0x01f7011641UL);
        var x1 = Load(data, 0) ^ Vector128.CreateScalar(crc).AsUInt64();
        var x2 = Load(data, 16);
        var x3 = Load(data, 32);
        var x4 = Load(data, 48);
        var at = 64;
        for (; at + 64 <= data.Length; at += 64)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x11) ^ Load(data, at);
            x2 = Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x11) ^ Load(data, at + 16);
            x3 = Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x11) ^ Load(data, at + 32);
            x4 = Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x11) ^ Load(data, at + 48);
        }
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x2;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x3;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x4;
        for (; at + 16 <= data.Length; at += 16)
            x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Load(data, at);

        // 128 bits to 64.
        var mask32 = Vector128.Create(~0u, 0u, ~0u, 0u).AsUInt64();
        x2 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10);
        x1 = Sse2.ShiftRightLogical128BitLane(x1.AsByte(), 8).AsUInt64() ^ x2;
        x2 = Sse2.ShiftRightLogical128BitLane(x1.AsByte(), 4).AsUInt64();
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask32, k5k0, 0x00) ^ x2;

        // Barrett reduction to 32 bits.
        x2 = Pclmulqdq.CarrylessMultiply(x1 & mask32, poly, 0x10);
        x2 = Pclmulqdq.CarrylessMultiply(x2 & mask32, poly, 0x00);
        return Sse41.Extract((x1 ^ x2).AsUInt32(), 1);
    }

    private static Vector128<ulong> Load(ReadOnlySpan<byte> data, int at) =>
        Vector128.Create<byte>(data.Slice(at, 16)).AsUInt64();

    /// <summary>The byte-wise table CRC, kept as the reference the folding is tested against.</summary>
    internal static uint AppendByTable(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        crc = ~crc;
        foreach (var b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var prev = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (prev >> 8) ^ table[prev & 0xFF];
            }
        }
        return table;
    }
}
