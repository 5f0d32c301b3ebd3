using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// One record of <c>/var/log/lastlog</c> (shadow's <c>struct lastlog</c>, &lt;lastlog.h&gt;): the record
/// at index N is UID N's last login — <c>ll_time</c>, then <c>ll_line[32]</c> and <c>ll_host[256]</c>.
/// x86_64 and i386 keep <c>ll_time</c> as a 32-bit integer (292 bytes, the
/// <c>__WORDSIZE_TIME64_COMPAT32</c> rule of utmp); other 64-bit machines a 64-bit <c>time_t</c>
/// (296 bytes; big-endian on s390x). A UID that never logged in is a hole of zeros (the file is sparse:
/// <c>ls -l</c> shows UID × record size, <c>du</c> the few blocks written).
/// </summary>
public sealed record LastlogLayout(string Name, int RecordSize, bool BigEndian)
{
    public static readonly LastlogLayout Compat32 = new("292-byte (x86, x86_64: 32-bit ll_time)", 292, false);
    public static readonly LastlogLayout Wide = new("296-byte little-endian (64-bit ll_time)", 296, false);
    public static readonly LastlogLayout WideBigEndian = new("296-byte big-endian (s390x)", 296, true);

    public static readonly IReadOnlyList<LastlogLayout> All = [Compat32, Wide, WideBigEndian];

    private int TimeSize => RecordSize == 292 ? 4 : 8;

    public long Seconds(ReadOnlySpan<byte> record) => TimeSize == 4
        ? (BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(record) : BinaryPrimitives.ReadUInt32LittleEndian(record))
        : (BigEndian ? BinaryPrimitives.ReadInt64BigEndian(record) : BinaryPrimitives.ReadInt64LittleEndian(record));

    public ReadOnlySpan<byte> Line(ReadOnlySpan<byte> record) => record.Slice(TimeSize, 32);

    public ReadOnlySpan<byte> Host(ReadOnlySpan<byte> record) => record.Slice(TimeSize + 32, 256);

    /// <summary>
    /// A written record: a plausible time and printable strings, each terminated and NUL-padded. A
    /// full 32-byte tty or 256-byte host does not occur, and requiring the NUL keeps text out: four
    /// ASCII letters read as a time fall in 1985–2100 and a text line is printable.
    /// </summary>
    public bool LooksValid(ReadOnlySpan<byte> record) =>
        RecordTime.IsPlausible(Seconds(record))
        && Line(record).IndexOf((byte)0) >= 0 && Host(record).IndexOf((byte)0) >= 0
        && FixedText.IsNulPadded(Line(record)) && FixedText.IsNulPadded(Host(record))
        && FixedText.IsPrintable(Line(record)) && FixedText.IsPrintable(Host(record));
}
