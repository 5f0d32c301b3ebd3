using System.Diagnostics;
using Timeline.Detection.Sigma;
using Xunit;

namespace Timeline.Tests.Detection;

/// <summary>
/// Backtracking regexes are bounded per evaluation (timeout), per pattern (switched off after repeated
/// timeouts) and per hunt (a total time budget); every timeout and skip is counted and described.
/// </summary>
public sealed class RegexCostTests
{
    // A lookahead forces the backtracking engine; the alternation makes it exponential on "aaaa…a".
    private const string Catastrophic = "title: r\nlogsource: {product: test}\ndetection:\n  sel: {a|re: '^(?=(a|aa)+$)(a|aa)+b'}\n  condition: sel\n";

    private static List<Timeline.Core.Events.EventRecord> Events(int count) =>
        Enumerable.Range(0, count).Select(_ => DetectionHarness.Plain(("a", new string('a', 60)))).ToList();

    [Fact]
    public void APatternThatKeepsTimingOutIsSwitchedOffAndCounted()
    {
        var set = RuleLoader.LoadText(Catastrophic, options: new RuleLoadOptions { RegexTimeout = TimeSpan.FromMilliseconds(20), RegexTimeoutsPerPattern = 5 });
        Assert.Empty(set.Errors);
        var clock = Stopwatch.StartNew();
        var matches = new RuleEngine(set, DetectionHarness.TestMappings).Evaluate(Events(200)).ToList();
        Assert.Empty(matches);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"200 events took {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal(5, set.Diagnostics.RegexTimeouts);
        Assert.Equal(195, set.Diagnostics.RegexSkipped);
        Assert.Single(set.Diagnostics.SwitchedOffPatterns);
        var report = set.Diagnostics.Describe();
        Assert.Contains(report, l => l.Contains("5 regex evaluation(s) timed out after 20 ms", StringComparison.Ordinal));
        Assert.Contains(report, l => l.Contains("195 regex evaluation(s) skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHuntBudgetStopsManySlowPatterns()
    {
        // 50 different catastrophic patterns, each allowed many timeouts: only the hunt budget bounds them.
        var rules = string.Join("---\n", Enumerable.Range(0, 50).Select(i => Catastrophic.Replace("title: r", $"title: r{i}\nid: r{i}").Replace("b'", $"b{i}'")));
        var set = RuleLoader.LoadText(rules, options: new RuleLoadOptions { RegexTimeout = TimeSpan.FromMilliseconds(20), RegexTimeoutsPerPattern = 1000, RegexHuntBudget = TimeSpan.FromSeconds(1) });
        Assert.Empty(set.Errors);
        var clock = Stopwatch.StartNew();
        new RuleEngine(set, DetectionHarness.TestMappings).Evaluate(Events(100)).ToList();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the hunt took {clock.Elapsed.TotalSeconds:N1} s with a 1 s budget");
        Assert.True(set.Diagnostics.BudgetSpent);
        Assert.True(set.Diagnostics.RegexSkipped > 4000, $"{set.Diagnostics.RegexSkipped} skipped");
        Assert.Contains(set.Diagnostics.Describe(), l => l.Contains("budget of 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public void LinearTimeRegexesAreNeitherTimedNorSkipped()
    {
        var set = RuleLoader.LoadText("title: r\nlogsource: {product: test}\ndetection:\n  sel: {a|re: '^a+$'}\n  condition: sel\n");
        var matches = new RuleEngine(set, DetectionHarness.TestMappings).Evaluate(Events(100)).ToList();
        Assert.Equal(100, matches.Count);
        Assert.Empty(set.Diagnostics.Describe());
        Assert.Equal(TimeSpan.Zero, set.Diagnostics.BacktrackingTime);
    }
}
