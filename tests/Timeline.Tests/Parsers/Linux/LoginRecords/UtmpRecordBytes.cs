using System.Buffers.Binary;
using System.Text;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

/// <summary>
/// Writes one 384-byte x86_64 utmp record from its fields (offsets of glibc's struct utmp, utmp(5)),
/// for the hostile-record tests: the fields are raw bytes so a test can put anything in them.
/// </summary>
public sealed class UtmpRecordBytes
{
    public short Type { get; init; } = 7;
    public int Pid { get; init; } = 4242;
    public byte[] Line { get; init; } = Encoding.ASCII.GetBytes("pts/0");
    public byte[] Id { get; init; } = Encoding.ASCII.GetBytes("ts/0");
    public byte[] User { get; init; } = Encoding.ASCII.GetBytes("root");
    public byte[] Host { get; init; } = Encoding.ASCII.GetBytes("203.0.113.45");
    public int Seconds { get; init; } = 1_796_008_502; // 2026-11-30T03:15:02Z
    public int Microseconds { get; init; } = 118_760;
    public byte[] Address { get; init; } = [203, 0, 113, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public byte[] ToBytes()
    {
        var r = new byte[384];
        BinaryPrimitives.WriteInt16LittleEndian(r, Type);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(4), Pid);
        Line.AsSpan(0, Math.Min(32, Line.Length)).CopyTo(r.AsSpan(8));
        Id.AsSpan(0, Math.Min(4, Id.Length)).CopyTo(r.AsSpan(40));
        User.AsSpan(0, Math.Min(32, User.Length)).CopyTo(r.AsSpan(44));
        Host.AsSpan(0, Math.Min(256, Host.Length)).CopyTo(r.AsSpan(76));
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(340), Seconds);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(344), Microseconds);
        Address.CopyTo(r.AsSpan(348));
        return r;
    }

    public static byte[] File(params UtmpRecordBytes[] records) => records.SelectMany(r => r.ToBytes()).ToArray();
}
