using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// The on-disk shape of one utmp/wtmp/btmp record (glibc's <c>struct utmp</c>, utmp(5)). The first 336
/// bytes are the same everywhere: <c>ut_type</c> (a short, then 2 bytes of padding) at 0, <c>ut_pid</c>
/// at 4, <c>ut_line[32]</c> at 8, <c>ut_id[4]</c> at 40, <c>ut_user[32]</c> at 44, <c>ut_host[256]</c> at 76,
/// <c>ut_exit</c> (two shorts: termination, exit) at 332. Then:
/// <list type="bullet">
/// <item>384 bytes (i386, x86_64 with <c>__WORDSIZE_TIME64_COMPAT32</c>): <c>ut_session</c> i32 at 336,
/// <c>ut_tv</c> as two i32 (seconds, microseconds) at 340/344, <c>ut_addr_v6[4]</c> at 348, 20 reserved bytes.</item>
/// <item>400 bytes (aarch64, s390x, ppc64, riscv64: <c>long</c> session and <c>struct timeval</c>):
/// <c>ut_session</c> i64 at 336, seconds i64 at 344, microseconds i64 at 352, <c>ut_addr_v6</c> at 360,
/// 20 reserved bytes, 4 bytes of tail padding to the 8-byte alignment.</item>
/// </list>
/// Integers are in the writing machine's byte order (s390x and ppc64 are big-endian); the address is
/// in network byte order on every machine. The 384-byte seconds field is read unsigned: glibc's 32-bit
/// field reaches 2106 that way, and a negative time is never plausible.
/// </summary>
public sealed record UtmpLayout(string Name, int RecordSize, bool BigEndian, bool WideTime)
{
    public static readonly UtmpLayout Compat32 = new("384-byte little-endian (x86, x86_64)", 384, false, false);
    public static readonly UtmpLayout Wide = new("400-byte little-endian (aarch64, riscv64, ppc64le)", 400, false, true);
    public static readonly UtmpLayout WideBigEndian = new("400-byte big-endian (s390x, ppc64)", 400, true, true);

    /// <summary>The layouts detection tries, the most common first (it wins ties).</summary>
    public static readonly IReadOnlyList<UtmpLayout> All = [Compat32, Wide, WideBigEndian];

    private const int TypeOffset = 0, PidOffset = 4, LineOffset = 8, IdOffset = 40, UserOffset = 44, HostOffset = 76, ExitOffset = 332, SessionOffset = 336;

    public UtmpRecord Decode(ReadOnlySpan<byte> r)
    {
        long session, seconds, micros;
        int addressOffset;
        if (WideTime)
        {
            session = I64(r[SessionOffset..]);
            seconds = I64(r[344..]);
            micros = I64(r[352..]);
            addressOffset = 360;
        }
        else
        {
            session = I32(r[SessionOffset..]);
            seconds = U32(r[340..]);
            micros = I32(r[344..]);
            addressOffset = 348;
        }
        return new UtmpRecord(
            Type: I16(r[TypeOffset..]),
            TypePadding: BinaryPrimitives.ReadUInt16LittleEndian(r[2..]),
            Pid: I32(r[PidOffset..]),
            Line: r.Slice(LineOffset, 32).ToArray(),
            Id: r.Slice(IdOffset, 4).ToArray(),
            User: r.Slice(UserOffset, 32).ToArray(),
            Host: r.Slice(HostOffset, 256).ToArray(),
            ExitTermination: I16(r[ExitOffset..]),
            ExitCode: I16(r[(ExitOffset + 2)..]),
            Session: session,
            Seconds: seconds,
            Microseconds: micros,
            Address: r.Slice(addressOffset, 16).ToArray());
    }

    // ut_type is a short at offset 0: in big-endian order its value is in bytes 0–1, as in little-endian.
    private short I16(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b);
    private int I32(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
    private uint U32(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
    private long I64(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
}
