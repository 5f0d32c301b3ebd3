using Timeline.Core.Ingest;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Detection.Chain;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Pipeline;

/// <summary>The whole job through the library, as the CLI's analyze runs it: results, not console output.</summary>
public sealed class AnalyzeTests
{
    private static readonly string Scenario = Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig");

    private static AnalyzeRequest Request(string reportPath) => new()
    {
        Paths = [Scenario],
        Hunt = new HuntRequest { RuleDirs = [Path.Combine(RepoPaths.Sigma, "rules")], Mappings = Path.Combine(RepoPaths.Sigma, "mappings") },
        Report = new ReportRequest { OutPath = reportPath },
    };

    [Fact]
    public void AnalyzeIngestsHuntsChainsAndReports()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "case.db");
        var report = Path.Combine(dir, "out", "report.html");
        AnalyzeResult result;
        using (var store = CaseStores.OpenForWrite(casePath)) result = Analyze.Run(store, Request(report));

        Assert.True(result.Ingest.Events > 0);
        Assert.NotNull(result.Hunt);
        Assert.True(result.Hunt!.Matches > 0);
        Assert.Contains(result.Hunt.Hits, h => h.Rule.Level == "critical");
        var chain = Assert.Single(result.Chains!);
        Assert.Equal("ssh-bruteforce-success", chain.Entry?.Kind);
        Assert.Equal(report, result.Report!.Path);
        Assert.True(new FileInfo(report).Length == result.Report.Bytes && result.Report.Bytes > 0);

        // What was stored is what the steps returned.
        using var reader = CaseStores.OpenForRead(casePath);
        Assert.Equal(result.Hunt.Matches, reader.Matches.Count());
        Assert.Equal(ChainJson.ToText(result.Chains!), ChainJson.ToText(reader.Chains.Load()));
    }

    [Fact]
    public void NothingUsableStopsAfterTheIngest()
    {
        var dir = Some.TempDir();
        var empty = Path.Combine(dir, "empty.log");
        File.WriteAllText(empty, "");
        using var store = CaseStores.OpenForWrite(Path.Combine(dir, "case.db"));
        var result = Analyze.Run(store, Request(Path.Combine(dir, "report.html")) with { Paths = [empty] });
        Assert.Null(result.Hunt);
        Assert.Null(result.Chains);
        Assert.Null(result.Report);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void ChainsAreTheSameWhetherMatchesAreResidentOrFetchedPerBatch()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath)) Analyze.Run(store, Request(Path.Combine(dir, "r.html")) with { Report = null });
        using var reader = CaseStores.OpenForRead(casePath);
        var resident = ChainStep.Build(reader);
        var batched = new MatchLookup(reader.Matches, residentLimit: 0);
        var fromBatches = ChainBuilder.Build(batched.Join(reader.Events()), batched);
        Assert.Equal(ChainContract.Of(reader, resident), ChainContract.Of(reader, fromBatches));
        Assert.NotEmpty(resident);
        // The rules matter to the chain (else the comparison would not test the lookup).
        Assert.NotEqual(ChainJson.ToText(resident), ChainJson.ToText(ChainBuilder.Build(reader.Events(), Timeline.Core.Findings.RuleMatchesByEvent.None)));
    }
}
