using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Detection.Chain;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Parsers.Windows.Evtx;
using Timeline.Tests.Support;
using Timeline.Tests.Support.Evtx;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// <c>sample-logs/scenarios/windows-rdp-xmrig</c>: EVTX files written by the test-support <see cref="EvtxWriter"/>
/// from <see cref="WindowsRdpXmrigScenario"/>. The committed files must be byte for byte what the generator
/// writes (run with <c>TIMELINE_WRITE_SCENARIO=1</c> to rewrite them), libevtx must read them, and the
/// chain built from them with the bundled rules must tell the story of the README.
/// </summary>
public sealed class WindowsScenarioTests
{
    private const string Name = "windows-rdp-xmrig";
    private static string Folder => Path.Combine(RepoPaths.SampleLogs, "scenarios", Name);

    private static readonly Lazy<(IReadOnlyList<AttackChain> Chains, int Matches, Dictionary<string, string> Refs)> Built = new(Build);

    [Fact]
    public void ScenarioFilesAreWhatTheGeneratorWrites()
    {
        if (Environment.GetEnvironmentVariable("TIMELINE_WRITE_SCENARIO") == "1") WindowsRdpXmrigScenario.Write(Folder);
        foreach (var (file, first, events) in WindowsRdpXmrigScenario.Files())
        {
            var path = Path.Combine(Folder, file);
            Assert.True(File.Exists(path), $"{file} is missing; run the tests with TIMELINE_WRITE_SCENARIO=1");
            Assert.True(EvtxWriter.Write(events, new EvtxWriterOptions { FirstRecordId = first }).AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"{file} differs from what the generator writes; run the tests with TIMELINE_WRITE_SCENARIO=1 and commit the result");
        }
    }

    [Fact]
    public void EvtxexportReadsEveryScenarioFile()
    {
        if (EvtxReference.ToolPath() is not { } tool) return;
        foreach (var (file, first, events) in WindowsRdpXmrigScenario.Files())
        {
            var reference = EvtxReference.Export(tool, Path.Combine(Folder, file));
            Assert.False(reference.Failed, $"{file}: {reference.Error}");
            Assert.Equal(events.Count, reference.Records.Count);
            Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (first + (ulong)i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                reference.Records.Select(r => r.System["EventRecordID"]));
        }
    }

    private static (IReadOnlyList<AttackChain>, int, Dictionary<string, string>) Build()
    {
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        int matches;
        using (var store = CaseStore.OpenForWrite(casePath))
        {
            new IngestPipeline(Timeline.Parsers.ParserCatalog.Detector(), new IngestOptions()).Run(store, [Folder]);
            var rules = RuleLoader.Load([Path.Combine(RepoPaths.Sigma, "rules")]);
            var engine = new RuleEngine(rules, SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
            var found = engine.Evaluate(store.Events()).ToList();
            CaseMatches.Replace(store, found);
            matches = found.Count;
        }
        using var reader = CaseStore.OpenForRead(casePath);
        var refs = reader.Events().ToDictionary(e => e.Id, e => Path.GetFileName(e.Origin.File) + ":" + e.Origin.Position);
        return (ChainBuilder.Build(reader), matches, refs);
    }
}
