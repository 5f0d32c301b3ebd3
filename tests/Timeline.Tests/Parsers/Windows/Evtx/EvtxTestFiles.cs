using System.Buffers.Binary;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Test material built from the golden samples: each sample is one 4096-byte file header plus one
/// 64 KiB chunk, so chunks of several samples can be stacked into one multi-chunk file whose chunk k
/// is sample k's chunk.
/// </summary>
internal static class EvtxTestFiles
{
    public const int HeaderSize = 4096;
    public const int ChunkSize = 65536;

    public static readonly string[] Samples =
    [
        "security-4625-openssh-bruteforce.evtx",
        "security-4688-4698-scheduled-task.evtx",
        "system-7045-service-install.evtx",
    ];

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.SampleLogs, "windows", "evtx", name));

    /// <summary>A file with the given samples' chunks in order, and a header that counts them (valid CRC).</summary>
    public static byte[] Stacked(params string[] names)
    {
        var first = Sample(names[0]);
        var file = new byte[HeaderSize + (names.Length * ChunkSize)];
        first.AsSpan(0, HeaderSize).CopyTo(file);
        for (var i = 0; i < names.Length; i++) Sample(names[i]).AsSpan(HeaderSize, ChunkSize).CopyTo(file.AsSpan(HeaderSize + (i * ChunkSize)));
        SetHeader(file, chunkCount: names.Length, flags: 0);
        return file;
    }

    /// <summary>Rewrites the header's chunk count and flags and recomputes its CRC-32.</summary>
    public static void SetHeader(byte[] file, int chunkCount, uint flags)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(42), (ushort)chunkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(120), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(124), Crc32(file.AsSpan(0, 120)));
    }

    public static ParseOutcome Parse(byte[] bytes) => ParserHarness.ParseBytes(ParserHarness.Parser("windows/evtx"), bytes, "test.evtx");

    /// <summary>
    /// Parses on another thread and fails the test if the parse does not end within a generous bound:
    /// a safety net against endless loops, not a performance assertion.
    /// </summary>
    public static ParseOutcome ParseGuarded(byte[] bytes, string what)
    {
        var task = Task.Run(() => Parse(bytes));
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), $"parse did not finish: {what}");
        return task.Result;
    }

    /// <summary>What identifies an event's content independently of the file it came from.</summary>
    public static string Key(EventRecord e) =>
        $"{e.Origin.Position}|{e.Ticks}|{e.Message}|{string.Join(";", e.Fields.Select(f => f.Key + "=" + f.Value))}";

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    public static string Json(EventRecord e) => EventJson.ToLine(e);

    /// <summary>
    /// The sample with every UTF-16 occurrence of <paramref name="from"/> (template definitions hold the
    /// Data names) replaced by <paramref name="to"/>, same length, and the chunk's CRCs fixed.
    /// </summary>
    public static byte[] Renamed(byte[] sample, string from, string to)
    {
        var bytes = (byte[])sample.Clone();
        var chunk = bytes.AsSpan(HeaderSize, ChunkSize);
        var old = Encoding.Unicode.GetBytes(from);
        var replacement = Encoding.Unicode.GetBytes(to);
        var found = 0;
        for (var at = chunk.IndexOf(old); at >= 0; at = chunk.IndexOf(old))
        {
            replacement.CopyTo(chunk[at..]);
            found++;
        }
        Assert.True(found > 0, $"{from} not found in the sample");
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], Crc32(chunk[512..free]));
        var header = new byte[120 + 384];
        chunk[..120].CopyTo(header);
        chunk[128..512].CopyTo(header.AsSpan(120));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], Crc32(header));
        return bytes;
    }
}
