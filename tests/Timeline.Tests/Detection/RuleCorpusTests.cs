using Timeline.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using Timeline.Detection.Sigma;

namespace Timeline.Tests.Detection;

public class RuleCorpusTests(ITestOutputHelper output)
{
    /// <summary>The ratchet: the share of SigmaHQ rule files that load may not drop below this.</summary>
    private const double MinimumLoadRatio = 0.995;

    [SharedDataFact("sigmahq")]
    public void SigmaHqCorpusLoadsAtLeastNinetyNinePointFivePercentAndNamesEveryFailure()
    {
        var dirs = new[] { "sigmahq/rules", "sigmahq/rules-emerging-threats", "sigmahq/rules-threat-hunting" }.Select(SharedCorpus.Find).ToList();
        if (dirs.Any(d => d is null)) return;

        var set = RuleLoader.Load(dirs!);

        output.WriteLine($"files {set.FilesTotal}, loaded {set.FilesLoaded}, failed {set.FilesFailed}, ratio {set.LoadRatio:P2}, rules {set.Rules.Count}, correlations {set.Correlations.Count}");
        foreach (var e in set.Errors) output.WriteLine($"{e.Path}:{e.Line} [{e.Feature}] {e.Reason}");
        Assert.True(set.FilesTotal > 3000, $"only {set.FilesTotal} files found");
        Assert.All(set.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            Assert.False(string.IsNullOrWhiteSpace(e.Feature));
            Assert.True(File.Exists(e.Path));
        });
        Assert.True(set.LoadRatio >= MinimumLoadRatio, $"load ratio {set.LoadRatio:P2} < {MinimumLoadRatio:P1}");
    }

    [Fact]
    public void OurRulePackLoadsWithoutErrors()
    {
        var set = RuleLoader.Load([Path.Combine(Support.RepoPaths.Sigma, "rules")]);
        Assert.Empty(set.Errors.Select(e => $"{e.Path}:{e.Line} {e.Reason}"));
        Assert.True(set.Rules.Count >= 20);
    }
}
