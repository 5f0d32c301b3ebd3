using System.Diagnostics;
using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Journald;
using Timeline.Parsers.Linux.Journald.Binary;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>
/// The binary reader against the reference reader, journalctl 252: each sample under
/// <c>sample-logs/linux/journald/binary/</c> with a <c>.export</c> beside it (made by
/// <c>journalctl --file F -o export</c>) must give the same entries in the same order with the same
/// fields — values, order, repeats — and the same cursor (seqnum id, seqnum, boot id, monotonic and
/// realtime clocks, xor hash: every field of the ENTRY object). When journalctl is installed (always
/// under CI: .ci/run installs it) the reference is also made live and must equal the committed one.
/// </summary>
public sealed class JournaldBinaryReferenceTests
{
    private const string Journalctl = "/usr/bin/journalctl";

    public static TheoryData<string> Samples() => new(
        Directory.GetFiles(Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary"), "*.export")
            .Select(p => Path.GetFileName(p)[..^".export".Length]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void EntriesAndFieldsEqualJournalctlExport(string sample)
    {
        var path = Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary", sample);
        var warnings = new List<ParseWarning>();
        var context = new ParseContext(sample, new string('0', 64), warnings.Add);
        using var file = File.OpenRead(path);
        using var reader = new BinaryJournalReader(file, context);
        using var reference = File.OpenRead(path + ".export");
        using var expected = JournalExportReader.Read(reference, new ParseContext("ref", new string('0', 64)), new JournalEntry()).GetEnumerator();
        var compared = 0;
        foreach (var ours in reader.Read(new JournalEntry()))
        {
            Assert.True(expected.MoveNext(), $"{sample}: entry at offset {ours.Position} is not in journalctl's export");
            var theirs = expected.Current;
            var where = $"{sample} entry {compared + 1} (offset {ours.Position})";
            for (var slot = 0; slot < JournalFields.Count; slot++)
                Assert.True(theirs.Get(slot) == ours.Get(slot), $"{where}: {JournalFields.Names[slot]} is '{ours.Get(slot)}', journalctl '{theirs.Get(slot)}'");
            var theirCursor = theirs.Others.Single(f => f.Key == "__CURSOR").Value;
            Assert.Equal(theirCursor, Cursor(reader.Header!.SeqnumId, reader.Current));
            Assert.Equal(theirs.Others.Where(f => f.Key != "__CURSOR"), ours.Others);
            compared++;
        }
        Assert.False(expected.MoveNext(), $"{sample}: journalctl shows more entries than the {compared} read");
        Assert.True(compared >= 4, $"{sample}: only {compared} entries");
        Assert.Equal(0, reader.RecoveredEntries);
        Assert.DoesNotContain(warnings, w => !w.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void CommittedReferenceIsWhatJournalctlPrintsToday(string sample)
    {
        if (ContinuousIntegration.RequireTool(Journalctl, "systemd") is null) return;
        var path = Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary", sample);
        var start = new ProcessStartInfo(Journalctl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--file", path, "-o", "export" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var live = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(live);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.ReadAllBytes(path + ".export").AsSpan().SequenceEqual(live.ToArray()), $"journalctl --file {sample} -o export differs from {sample}.export");
    }

    /// <summary>The events of a binary journal equal those of its export, but for where they come from.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void BinaryAndExportGiveTheSameEvents(string sample)
    {
        var path = Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary", sample);
        var binary = ParserHarness.ParseFile(path).Events;
        var export = ParserHarness.ParseFile(path + ".export").Events;
        Assert.Equal(export.Count, binary.Count);
        for (var i = 0; i < binary.Count; i++)
        {
            var (b, e) = (binary[i], export[i]);
            Assert.Equal((e.Ticks, e.TimeQuality, e.Host, e.Parser, e.Message), (b.Ticks, b.TimeQuality, b.Host, b.Parser, b.Message));
            Assert.Equal(e.Fields.ToList(), b.Fields.ToList());
            Assert.Equal((PositionKind.Record, PositionKind.Line), (b.Origin.Kind, e.Origin.Kind));
        }
    }

    /// <summary>journalctl's cursor: <c>s=seqnum_id;i=seqnum;b=boot_id;m=monotonic;t=realtime;x=xor_hash</c>, numbers in hex.</summary>
    private static string Cursor(Guid128 seqnumId, EntryObject e) => string.Create(CultureInfo.InvariantCulture,
        $"s={seqnumId};i={e.Seqnum:x};b={e.BootId};m={e.Monotonic:x};t={e.Realtime:x};x={e.XorHash:x}");
}
