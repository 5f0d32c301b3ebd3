using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Renders substitution values the way Windows renders them in event XML, e.g. GUIDs as
/// <c>{54849625-5478-4994-A5BA-3E3B0328C30D}</c>, SIDs as <c>S-1-5-18</c>, hex integers as
/// <c>0x3e7</c> (Sigma rules compare against this spelling; evtxexport pads 64-bit hex to 16
/// digits instead), FILETIMEs as ISO 8601 with 7 fraction digits and <c>Z</c>, binary as upper-case hex.
/// </summary>
internal static class ValueFormatter
{
    private static readonly string[] SmallNumbers = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Formats a whole value; arrays are joined with ", " (see <see cref="Items"/> for the items).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Format(ReadOnlySpan<byte> data, byte type)
    {
        if ((type & BinXmlValueType.ArrayFlag) == 0) return FormatScalar(data, type);
        var items = Items(data, type);
        var parts = new string[items.Count];
        for (var i = 0; i < items.Count; i++) parts[i] = FormatScalar(data.Slice(items[i].Start, items[i].Length), (byte)(type & 0x7F));
        return string.Join(", ", parts);
    }

    /// <summary>The items of an array value: NUL-terminated strings, SIDs by their own length, fixed-size types packed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<(int Start, int Length)> Items(ReadOnlySpan<byte> data, byte type)
    {
        var items = new List<(int, int)>();
        var scalar = (byte)(type & 0x7F);
        var pos = 0;
        switch (scalar)
        {
            case BinXmlValueType.String:
                for (var i = 0; i + 1 < data.Length; i += 2)
                {
                    if (data[i] != 0 || data[i + 1] != 0) continue;
                    items.Add((pos, i - pos));
                    pos = i + 2;
                }
                if (pos < data.Length - 1) items.Add((pos, data.Length - pos));
                break;
            case BinXmlValueType.AnsiString:
                for (var i = 0; i < data.Length; i++)
                {
                    if (data[i] != 0) continue;
                    items.Add((pos, i - pos));
                    pos = i + 1;
                }
                if (pos < data.Length) items.Add((pos, data.Length - pos));
                break;
            case BinXmlValueType.Sid:
                while (pos + 8 <= data.Length)
                {
                    var length = 8 + (data[pos + 1] * 4);
                    if (pos + length > data.Length) break;
                    items.Add((pos, length));
                    pos += length;
                }
                break;
            default:
                var size = scalar == BinXmlValueType.SizeT ? (data.Length % 8 == 0 ? 8 : 4) : BinXmlValueType.ItemSize(scalar);
                if (size == 0) { items.Add((0, data.Length)); break; }
                for (; pos + size <= data.Length; pos += size) items.Add((pos, size));
                break;
        }
        return items;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FormatScalar(ReadOnlySpan<byte> d, byte type)
    {
        switch (type)
        {
            case BinXmlValueType.Null: return "";
            case BinXmlValueType.String: return Utf16(d);
            case BinXmlValueType.AnsiString: return Windows1252.Decode(d);
            case BinXmlValueType.Int8 when d.Length >= 1: return Number((sbyte)d[0]);
            case BinXmlValueType.UInt8 when d.Length >= 1: return Number(d[0]);
            case BinXmlValueType.Int16 when d.Length >= 2: return Number(BinaryPrimitives.ReadInt16LittleEndian(d));
            case BinXmlValueType.UInt16 when d.Length >= 2: return Number(BinaryPrimitives.ReadUInt16LittleEndian(d));
            case BinXmlValueType.Int32 when d.Length >= 4: return Number(BinaryPrimitives.ReadInt32LittleEndian(d));
            case BinXmlValueType.UInt32 when d.Length >= 4: return Number(BinaryPrimitives.ReadUInt32LittleEndian(d));
            case BinXmlValueType.Int64 when d.Length >= 8: return Number(BinaryPrimitives.ReadInt64LittleEndian(d));
            case BinXmlValueType.UInt64 when d.Length >= 8: return BinaryPrimitives.ReadUInt64LittleEndian(d).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Real32 when d.Length >= 4: return Real(BinaryPrimitives.ReadSingleLittleEndian(d));
            case BinXmlValueType.Real64 when d.Length >= 8: return Real(BinaryPrimitives.ReadDoubleLittleEndian(d));
            case BinXmlValueType.Bool when d.Length >= 4: return BinaryPrimitives.ReadUInt32LittleEndian(d) != 0 ? "true" : "false";
            case BinXmlValueType.Guid when d.Length >= 16: return Guid(d);
            case BinXmlValueType.SizeT when d.Length == 4:
            case BinXmlValueType.HexInt32 when d.Length >= 4: return Hex(BinaryPrimitives.ReadUInt32LittleEndian(d));
            case BinXmlValueType.SizeT when d.Length >= 8:
            case BinXmlValueType.HexInt64 when d.Length >= 8: return Hex(BinaryPrimitives.ReadUInt64LittleEndian(d));
            case BinXmlValueType.FileTime when d.Length >= 8: return FileTime(BinaryPrimitives.ReadInt64LittleEndian(d));
            case BinXmlValueType.SystemTime when d.Length >= 16: return SystemTime(d);
            case BinXmlValueType.Sid when d.Length >= 8: return Sid(d);
            default: return Convert.ToHexString(d);
        }
    }

    /// <summary>Strings carry a trailing NUL when the writer counted it; it is not part of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Utf16(ReadOnlySpan<byte> d)
    {
        var length = d.Length & ~1;
        while (length >= 2 && d[length - 1] == 0 && d[length - 2] == 0) length -= 2;
        return length == 0 ? "" : Utf16String(d[..length]);
    }

    /// <summary>
    /// UTF-16LE bytes (an even count) as a string, exactly as <c>Encoding.Unicode.GetString</c> decodes them:
    /// text without surrogates (nearly all) is copied as it is; the rest goes through the decoder, which
    /// replaces unpaired surrogates with U+FFFD.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Utf16String(ReadOnlySpan<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            var chars = MemoryMarshal.Cast<byte, char>(bytes);
            if (!chars.ContainsAnyInRange('\uD800', '\uDFFF')) return new string(chars);
        }
        return Encoding.Unicode.GetString(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Number(long value) => value is >= 0 and < 1024 ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Guid(ReadOnlySpan<byte> d) => new System.Guid(d[..16]).ToString("B").ToUpperInvariant();

    /// <summary>FILETIME: 100 ns ticks since 1601-01-01 UTC. Values outside .NET's range are shown raw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FileTime(long fileTime) => FileTimeTicks(fileTime) is { } ticks
        ? Instant(ticks)
        : fileTime.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// .NET ticks (UTC) as <c>yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'</c>, the spelling of TimeText.Format, written
    /// digit by digit (DateTime's custom-format path costs more than the rest of a record's System part).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Instant(long ticks)
    {
        var (year, month, day) = new DateTime(ticks, DateTimeKind.Utc);
        var time = ticks % TimeSpan.TicksPerDay;
        return string.Create(28, (year, month, day, time), static (s, t) =>
        {
            Digits(s[..4], t.year);
            s[4] = '-';
            Digits(s.Slice(5, 2), t.month);
            s[7] = '-';
            Digits(s.Slice(8, 2), t.day);
            s[10] = 'T';
            Digits(s.Slice(11, 2), (int)(t.time / TimeSpan.TicksPerHour));
            s[13] = ':';
            Digits(s.Slice(14, 2), (int)(t.time / TimeSpan.TicksPerMinute % 60));
            s[16] = ':';
            Digits(s.Slice(17, 2), (int)(t.time / TimeSpan.TicksPerSecond % 60));
            s[19] = '.';
            Digits(s.Slice(20, 7), (int)(t.time % TimeSpan.TicksPerSecond));
            s[27] = 'Z';
        });
    }

    /// <summary>Writes <paramref name="value"/> zero-padded to exactly the span's length.</summary>
    private static void Digits(Span<char> into, int value)
    {
        var i = into.Length;
        for (; i >= 2; i -= 2)
        {
            var pair = (uint)(value % 100) * 2;
            value /= 100;
            into[i - 1] = DigitPairs[(int)pair + 1];
            into[i - 2] = DigitPairs[(int)pair];
        }
        if (i == 1) into[0] = (char)('0' + (value % 10));
    }

    /// <summary>"00", "01", ... "99", back to back.</summary>
    private const string DigitPairs =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long? FileTimeTicks(long fileTime)
    {
        const long epoch = 504911232000000000; // 1601-01-01 in .NET ticks
        if (fileTime < 0 || fileTime > DateTime.MaxValue.Ticks - epoch) return null;
        return fileTime + epoch;
    }

    /// <summary>SYSTEMTIME: year, month, day of week, day, hour, minute, second, milliseconds (16-bit each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string SystemTime(ReadOnlySpan<byte> d)
    {
        Span<int> f = stackalloc int[8];
        for (var i = 0; i < 8; i++) f[i] = BinaryPrimitives.ReadUInt16LittleEndian(d[(i * 2)..]);
        try
        {
            var time = new DateTime(f[0], f[1], f[3], f[4], f[5], f[6], f[7], DateTimeKind.Utc);
            return time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Convert.ToHexString(d[..16]);
        }
    }

    /// <summary>SID: revision, sub-authority count, 48-bit big-endian authority, 32-bit little-endian sub-authorities.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Sid(ReadOnlySpan<byte> d)
    {
        var count = d[1];
        if (d.Length < 8 + (count * 4)) return Convert.ToHexString(d);
        ulong authority = 0;
        for (var i = 2; i < 8; i++) authority = (authority << 8) | d[i];
        var sb = new StringBuilder(16 + (count * 11));
        sb.Append("S-").Append(d[0]).Append('-');
        if (authority >= 1UL << 32) sb.Append("0x").Append(authority.ToString("X12", CultureInfo.InvariantCulture));
        else sb.Append(authority);
        for (var i = 0; i < count; i++) sb.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(d[(8 + (i * 4))..]));
        return sb.ToString();
    }
}
