using System.Buffers.Binary;
using System.Text;
using Timeline.Parsers.Linux.Journald;
using Timeline.Tests.Support;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>Writes <c>journalctl -o export</c> bytes for inline tests, and parses them.</summary>
public sealed class JournalExport
{
    public static readonly JournaldParser Parser = new();

    private readonly MemoryStream _bytes = new();

    /// <summary><c>NAME=value\n</c>.</summary>
    public JournalExport Text(string name, string value) => Raw($"{name}={value}\n");

    /// <summary><c>NAME\n</c>, 64-bit little-endian length, the bytes, <c>\n</c>.</summary>
    public JournalExport Binary(string name, byte[] value) => Binary(name, value, (ulong)value.Length);

    /// <summary>A binary field whose length says <paramref name="claimedLength"/>.</summary>
    public JournalExport Binary(string name, byte[] value, ulong claimedLength)
    {
        Raw(name + "\n");
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, claimedLength);
        _bytes.Write(length);
        _bytes.Write(value);
        return Raw("\n");
    }

    public JournalExport Binary(string name, string value) => Binary(name, Encoding.UTF8.GetBytes(value));

    /// <summary>An entry as journalctl writes one, then the empty line.</summary>
    public JournalExport Entry(long realtimeMicros, string identifier, string? pid, string message, string host = "web02")
    {
        Text("__CURSOR", $"s=8a0c3f7e51d24b6c9e2a7d41f0b85c13;i=1;b=c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6;m=1;t={realtimeMicros:x};x=1");
        Text("__REALTIME_TIMESTAMP", realtimeMicros.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text("_BOOT_ID", "c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6");
        Text("_HOSTNAME", host);
        Text("SYSLOG_IDENTIFIER", identifier);
        if (pid is not null) Text("SYSLOG_PID", pid);
        Text("MESSAGE", message);
        return End();
    }

    /// <summary>The empty line that ends an entry.</summary>
    public JournalExport End() => Raw("\n");

    public JournalExport Raw(string text)
    {
        _bytes.Write(Encoding.UTF8.GetBytes(text));
        return this;
    }

    public JournalExport Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] Bytes => _bytes.ToArray();

    public ParseOutcome Parse(SampleContext? settings = null) => ParserHarness.ParseBytes(Parser, Bytes, "journal.export", settings);

    /// <summary>2024-03-02T03:15:02.481913Z in µs since the epoch.</summary>
    public const long March2 = 1709349302481913;
}
