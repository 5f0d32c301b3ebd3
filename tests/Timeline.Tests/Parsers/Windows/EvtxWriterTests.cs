using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Timeline.Tests.Parsers.Windows.Evtx;
using Timeline.Tests.Support;
using Timeline.Tests.Support.Evtx;
using Xunit;

namespace Timeline.Tests.Parsers.Windows;

/// <summary>
/// The test-support EVTX writer: its files are read back by our parser field for field, by libevtx's
/// <c>evtxexport</c> and by python-evtx's <c>evtx_dump.py</c>, in both encodings, across several chunks.
/// </summary>
public sealed class EvtxWriterTests
{
    private static readonly DateTime T0 = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc).AddTicks(5897932);

    public static TheoryData<BinXmlStyle> Styles() => [BinXmlStyle.Templates, BinXmlStyle.Inline];

    /// <summary>Events that exercise every value the writer encodes: optional attributes present and absent, empty and long values, markup, non-ASCII.</summary>
    internal static List<WinEvent> Events() =>
    [
        new()
        {
            Provider = "Microsoft-Windows-Security-Auditing", ProviderGuid = new Guid("54849625-5478-4994-a5ba-3e3b0328c30d"),
            EventId = 4625, Version = 0, Level = 0, Task = 12544, Opcode = 0, Keywords = 0x8010000000000000,
            TimeCreated = T0, ProcessId = 668, ThreadId = 4120, Channel = "Security", Computer = "WIN-SRV01",
            Data = [new("SubjectUserSid", "S-1-0-0"), new("TargetUserName", "administrator"), new("Status", "0xc000006d"),
                new("LogonType", "3"), new("WorkstationName", "kali"), new("IpAddress", "-"), new("IpPort", "-"), new("Empty", "")],
        },
        new()
        {
            Provider = "Service Control Manager", ProviderGuid = new Guid("555908d1-a6d7-4695-8e1e-26931d2012f4"), EventSourceName = "Service Control Manager",
            EventId = 7045, Qualifiers = 16384, Level = 4, Keywords = 0x8080000000000000,
            TimeCreated = T0.AddSeconds(1).AddTicks(1), ProcessId = 640, ThreadId = 7000, Channel = "System", Computer = "WIN-SRV01",
            UserId = "S-1-5-21-3623811015-3361044348-30300820-500",
            Data = [new("ServiceName", "WinRing0_1_2_0"), new("ImagePath", @"C:\ProgramData\svchost\WinRing0x64.sys"), new("ServiceType", "kernel mode driver"),
                new("StartType", "demand start"), new("AccountName", "")],
        },
        new()
        {
            Provider = "Microsoft-Windows-Security-Auditing", ProviderGuid = new Guid("54849625-5478-4994-a5ba-3e3b0328c30d"),
            EventId = 4698, Version = 1, Task = 12804, Keywords = 0x8020000000000000,
            TimeCreated = T0.AddMinutes(3), ProcessId = 668, ThreadId = 5120, Channel = "Security", Computer = "WIN-SRV01",
            Data = [new("TaskName", @"\WindowsUpdateCheck"), new("TaskContent", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Task><Actions><Exec><Command>C:\\ProgramData\\svchost\\xmrig.exe</Command><Arguments>-o pool.minexmr.com:4444 &amp; é ✓</Arguments></Exec></Actions></Task>")],
        },
        new()
        {
            Provider = "Microsoft-Windows-PowerShell", ProviderGuid = new Guid("a0c1853b-5c40-4b15-8766-3cf1c58f985a"),
            EventId = 4104, Version = 1, Level = 5, Task = 2, Opcode = 15, Keywords = 0x0,
            TimeCreated = T0.AddHours(1), ProcessId = 4242, ThreadId = 4343, Channel = "Microsoft-Windows-PowerShell/Operational", Computer = "WIN-SRV01",
            UserId = "S-1-5-18",
            Data = [new("MessageNumber", "1"), new("MessageTotal", "1"), new("ScriptBlockText", new string('x', 9000)), new("ScriptBlockId", "{5e1a2b3c-0000-4000-8000-000000000001}"), new("Path", "")],
        },
    ];

    private static (WinEvent Event, ulong Id)[] Numbered(IReadOnlyList<WinEvent> events, ulong first = 1) =>
        events.Select((e, i) => (e, first + (ulong)i)).ToArray();

    [Theory]
    [MemberData(nameof(Styles))]
    public void OurParserReadsBackEveryFieldWritten(BinXmlStyle style)
    {
        var events = Events();
        var outcome = EvtxTestFiles.Parse(EvtxWriter.Write(events, new EvtxWriterOptions { Style = style, FirstRecordId = 1000 }));
        Assert.Empty(outcome.Warnings);
        Assert.Equal(events.Count, outcome.Events.Count);
        foreach (var ((written, id), read) in Numbered(events, 1000).Zip(outcome.Events))
        {
            Assert.Equal(written.TimeCreated.Ticks, read.Ticks);
            Assert.Equal(written.Computer, read.Host);
            Assert.Equal((long)id, read.Origin.Position);
            // The event model keeps no empty fields: an empty Data value reads back as absent.
            foreach (var (name, value) in Expected(written, id))
                Assert.True(read.Fields.Get(name) == (value.Length == 0 ? null : value), $"{name}: expected '{value}', read '{read.Fields.Get(name)}'");
        }
    }

    /// <summary>What the parser must report for an event: System values under their XML names, then the data fields.</summary>
    private static IEnumerable<(string Name, string Value)> Expected(WinEvent e, ulong id)
    {
        yield return ("Provider", e.Provider);
        if (e.ProviderGuid is { } g) yield return ("ProviderGuid", g.ToString("B").ToUpperInvariant());
        yield return ("EventSourceName", e.EventSourceName ?? "");
        yield return ("EventID", e.EventId.ToString(CultureInfo.InvariantCulture));
        if (e.Qualifiers is { } q) yield return ("EventIDQualifiers", q.ToString(CultureInfo.InvariantCulture));
        yield return ("Version", e.Version.ToString(CultureInfo.InvariantCulture));
        yield return ("Level", e.Level.ToString(CultureInfo.InvariantCulture));
        yield return ("Task", e.Task.ToString(CultureInfo.InvariantCulture));
        yield return ("Opcode", e.Opcode.ToString(CultureInfo.InvariantCulture));
        yield return ("Keywords", "0x" + e.Keywords.ToString("x", CultureInfo.InvariantCulture));
        yield return ("TimeCreated", e.TimeCreated.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        yield return ("EventRecordID", id.ToString(CultureInfo.InvariantCulture));
        yield return ("ProcessID", e.ProcessId.ToString(CultureInfo.InvariantCulture));
        yield return ("ThreadID", e.ThreadId.ToString(CultureInfo.InvariantCulture));
        yield return ("Channel", e.Channel);
        yield return ("Computer", e.Computer);
        if (e.UserId is { } sid) yield return ("UserID", sid);
        foreach (var (name, value) in e.Data) yield return (name, value);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void ManyEventsFillSeveralChunksWithValidChecksums(BinXmlStyle style)
    {
        var template = Events();
        var events = Enumerable.Range(0, 400).Select(i => template[i % template.Count] with { TimeCreated = T0.AddSeconds(i) }).ToList();
        var bytes = EvtxWriter.Write(events, new EvtxWriterOptions { Style = style });
        var chunks = (bytes.Length - EvtxWriter.FileHeaderSize) / EvtxWriter.ChunkSize;
        Assert.True(chunks >= 3, $"expected several chunks, got {chunks}");
        Assert.Equal(chunks, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(42)));
        Assert.Equal(EvtxWriter.Crc32(bytes.AsSpan(0, 120)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(124)));
        ulong next = 1;
        for (var c = 0; c < chunks; c++)
        {
            var chunk = bytes.AsSpan(EvtxWriter.FileHeaderSize + (c * EvtxWriter.ChunkSize), EvtxWriter.ChunkSize);
            Assert.Equal(next, BinaryPrimitives.ReadUInt64LittleEndian(chunk[24..]));
            var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
            Assert.Equal(EvtxWriter.Crc32(chunk[512..free]), BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]));
            next = BinaryPrimitives.ReadUInt64LittleEndian(chunk[32..]) + 1;
        }
        Assert.Equal(401UL, next);
        var outcome = EvtxTestFiles.Parse(bytes);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), outcome.Events.Select(e => e.Origin.Position));
        Assert.Equal(events.Select(e => e.TimeCreated.Ticks), outcome.Events.Select(e => e.Ticks ?? 0));
    }

    [Fact]
    public void ARecordBoundOnChunksIsHonoured()
    {
        var bytes = EvtxWriter.Write(Events(), new EvtxWriterOptions { MaxRecordsPerChunk = 1 });
        Assert.Equal(EvtxWriter.FileHeaderSize + (4 * EvtxWriter.ChunkSize), bytes.Length);
        Assert.Equal(4, EvtxTestFiles.Parse(bytes).Events.Count);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        Assert.Equal(EvtxWriter.Write(Events()), EvtxWriter.Write(Events()));
        Assert.Equal(EvtxWriter.Write(Events(), new() { Style = BinXmlStyle.Inline }), EvtxWriter.Write(Events(), new() { Style = BinXmlStyle.Inline }));
    }

    [Fact]
    public void TemplatesAreStoredOncePerChunkAndReferencedAfterwards()
    {
        var one = Events()[0];
        var single = EvtxWriter.Write([one]);
        var ten = EvtxWriter.Write(Enumerable.Repeat(one, 10).ToList());
        var firstRecord = BinaryPrimitives.ReadUInt32LittleEndian(single.AsSpan(EvtxWriter.FileHeaderSize + 512 + 4));
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(ten.AsSpan(EvtxWriter.FileHeaderSize + 48));
        var later = (free - 512 - (int)firstRecord) / 9;
        Assert.True(later < firstRecord / 2, $"a repeated record ({later} bytes) should be much smaller than the first ({firstRecord} bytes)");
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void EvtxexportReadsTheFilesAndAgrees(BinXmlStyle style)
    {
        if (EvtxReference.ToolPath() is not { } tool)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "evtxexport is missing in CI");
            return;
        }
        var events = Events();
        var path = Path.Combine(Some.TempDir(), "written.evtx");
        EvtxWriter.WriteFile(path, events, new EvtxWriterOptions { Style = style, MaxRecordsPerChunk = 3 });
        var reference = EvtxReference.Export(tool, path);
        Assert.False(reference.Failed, reference.Error);
        Assert.Equal(events.Count, reference.Records.Count);
        foreach (var ((written, id), record) in Numbered(events).Zip(reference.Records))
        {
            Assert.Equal(written.EventId.ToString(CultureInfo.InvariantCulture), record.System["EventID"]);
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), record.System["EventRecordID"]);
            Assert.Equal(written.Channel, record.System["Channel"]);
            Assert.Equal(written.Computer, record.System["Computer"]);
            Assert.Equal(written.Provider, record.System["Provider"]);
            Assert.Equal(written.ProcessId.ToString(CultureInfo.InvariantCulture), record.System["ProcessID"]);
            Assert.Equal(written.ThreadId.ToString(CultureInfo.InvariantCulture), record.System["ThreadID"]);
            Assert.Equal(written.Keywords, Convert.ToUInt64(record.System["Keywords"], 16));
            Assert.Equal(written.TimeCreated.Ticks, ReferenceTicks(record.System["TimeCreated"]));
            if (written.UserId is { } sid) Assert.Equal(sid, record.System["UserID"]);
            else Assert.False(record.System.ContainsKey("UserID"));
            if (written.Qualifiers is { } q) Assert.Equal(q.ToString(CultureInfo.InvariantCulture), record.System["EventIDQualifiers"]);
            Assert.Equal(written.EventSourceName, record.System.GetValueOrDefault("EventSourceName"));
            Assert.Equal(written.Data.Select(d => d.Key), record.Data.Select(d => d.Key));
            Assert.Equal(written.Data.Select(d => d.Value.ReplaceLineEndings("\n")), record.Data.Select(d => d.Value.ReplaceLineEndings("\n")));
        }
    }

    /// <summary>evtxexport prints nine fraction digits (<c>2026-03-14T09:26:53.589793200Z</c>); compared as 100 ns ticks.</summary>
    private static long ReferenceTicks(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var seconds = DateTime.ParseExact(text[..dot], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var fraction = text[(dot + 1)..].TrimEnd('Z').PadRight(9, '0');
        return seconds.Ticks + (long.Parse(fraction, CultureInfo.InvariantCulture) / 100);
    }

    /// <summary>
    /// python-evtx 0.7 reads the template style. It cannot read template-less records at all (it takes the first
    /// token after the fragment header for a template instance and runs off the chunk), as with the real
    /// template-less files in <see cref="EvtxReferenceTests.KnownDifferences"/>; that style is checked by our
    /// parser and evtxexport only.
    /// </summary>
    [Fact]
    public void PythonEvtxReadsTheTemplateStyle()
    {
        const BinXmlStyle style = BinXmlStyle.Templates;
        // Missing outside CI: skipped; missing under CI (.ci/run installs python3-evtx): a failure.
        if (ContinuousIntegration.RequireTool("/usr/bin/evtx_dump.py", "python3-evtx") is not { } tool) return;
        var events = Events();
        var path = Path.Combine(Some.TempDir(), "written.evtx");
        EvtxWriter.WriteFile(path, events, new EvtxWriterOptions { Style = style });
        var (exit, stdout, stderr) = Run(tool, path);
        Assert.True(exit == 0, stderr);
        // evtx_dump.py declares XML 1.1, which System.Xml does not accept; the content is 1.0-compatible.
        var doc = System.Xml.Linq.XDocument.Parse(stdout.Replace("<?xml version=\"1.1\"", "<?xml version=\"1.0\"", StringComparison.Ordinal));
        var records = doc.Root!.Elements().Where(x => x.Name.LocalName == "Event").ToList();
        Assert.Equal(events.Count, records.Count);
        foreach (var ((written, id), record) in Numbered(events).Zip(records))
        {
            var system = record.Elements().First(x => x.Name.LocalName == "System");
            string Sys(string name) => system.Elements().First(x => x.Name.LocalName == name).Value;
            Assert.Equal(written.EventId.ToString(CultureInfo.InvariantCulture), Sys("EventID"));
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), Sys("EventRecordID"));
            Assert.Equal(written.Computer, Sys("Computer"));
            var data = record.Descendants().Where(x => x.Name.LocalName == "Data").Select(x => (x.Attribute("Name")?.Value, x.Value.ReplaceLineEndings("\n"))).ToList();
            Assert.Equal(written.Data.Select(d => ((string?)d.Key, d.Value.ReplaceLineEndings("\n"))), data);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    [Fact]
    public void AnEventTooLargeForAChunkIsRefused()
    {
        var huge = Events()[3] with { Data = [new("ScriptBlockText", new string('y', 30000)), new("More", new string('z', 30000))] };
        Assert.Throws<InvalidOperationException>(() => EvtxWriter.Write([huge]));
        Assert.Single(EvtxTestFiles.Parse(EvtxWriter.Write([Events()[0]])).Events, e => e.Host == "WIN-SRV01");
    }
}
