using System.Diagnostics;
using Timeline.Core.Limits;
using Timeline.Detection.Sigma.Matching;
using Xunit;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// <see cref="MatchDiagnostics"/> on its own: the defaults come from <see cref="Bounds"/>, the counters add
/// up, the budget is spent exactly at the budget, and <see cref="MatchDiagnostics.Describe"/> writes one
/// line per kind of cost with the figures and the worst patterns (at most five, long ones cut at 80).
/// </summary>
public class MatchDiagnosticsTests
{
    [Fact]
    public void DefaultsAreTheBounds()
    {
        var d = new MatchDiagnostics();
        Assert.Equal((Bounds.RegexPerEvent, Bounds.RegexTimeoutsPerPattern, Bounds.RegexPerHunt), (d.RegexTimeout, d.TimeoutsPerPattern, d.HuntBudget));
        Assert.Empty(d.Describe());
        Assert.False(d.BudgetSpent);
    }

    [Fact]
    public void CountersAddUp()
    {
        var d = new MatchDiagnostics(TimeSpan.FromMilliseconds(5), 3, TimeSpan.FromSeconds(2));
        Assert.Equal((TimeSpan.FromMilliseconds(5), 3, TimeSpan.FromSeconds(2)), (d.RegexTimeout, d.TimeoutsPerPattern, d.HuntBudget));
        d.CountCompiled();
        d.CountCompiled();
        d.CountRegexTimeout("a");
        d.CountRegexTimeout("a");
        d.CountRegexTimeout("b");
        d.CountSkipped();
        d.CountSwitchedOff("a", 2);
        Assert.Equal(2, d.CompiledRegexes);
        Assert.Equal(3, d.RegexTimeouts);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, d.RegexTimeoutsByPattern.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal(1, d.RegexSkipped);
        Assert.Equal(2, d.SwitchedOffPatterns["a"]);
    }

    [Fact]
    public void TheBudgetIsSpentExactlyAtTheBudget()
    {
        var d = new MatchDiagnostics(huntBudget: TimeSpan.FromSeconds(1));
        d.AddBacktrackingTime(Stopwatch.Frequency - 1);
        Assert.False(d.BudgetSpent);
        d.AddBacktrackingTime(1);
        Assert.True(d.BudgetSpent);
        Assert.Equal(TimeSpan.FromSeconds(1), d.BacktrackingTime);
    }

    [Fact]
    public void DescribeNamesEveryCostWithItsFigures()
    {
        var d = new MatchDiagnostics(TimeSpan.FromMilliseconds(250), 4, TimeSpan.FromSeconds(3));
        var longPattern = new string('x', 81);
        for (var i = 0; i < 1500; i++) d.CountRegexTimeout("p1");
        for (var i = 0; i < 3; i++) d.CountRegexTimeout(longPattern);
        d.CountRegexTimeout("p3");
        d.CountRegexTimeout("p2");
        foreach (var p in new[] { "p4", "p5", "p6" }) d.CountRegexTimeout(p);
        d.CountSwitchedOff("p1", 4);
        d.CountSwitchedOff(longPattern, 4);
        d.AddBacktrackingTime(3 * Stopwatch.Frequency);
        for (var i = 0; i < 1234; i++) d.CountSkipped();

        // Worst first, ties by pattern (ordinal): p1 ×1500, the long one ×3, then p2, p3, p4 of the ×1 patterns.
        Assert.Equal(
        [
            $"1,508 regex evaluation(s) timed out after 250 ms and counted as no match: /p1/ ×1,500, /{new string('x', 80)}…/ ×3, /p2/ ×1, /p3/ ×1, /p4/ ×1",
            "2 regex pattern(s) switched off for the rest of the hunt after 4 timeouts each",
            "backtracking regexes used the hunt's budget of 3 s; later evaluations were skipped",
            "1,234 regex evaluation(s) skipped (counted as no match): rules using those patterns may have missed events",
        ], d.Describe());
    }

    [Fact]
    public void APatternOfExactlyEightyCharactersIsNotCut()
    {
        var d = new MatchDiagnostics(TimeSpan.FromMilliseconds(100));
        var pattern = new string('y', 80);
        d.CountRegexTimeout(pattern);
        Assert.Equal([$"1 regex evaluation(s) timed out after 100 ms and counted as no match: /{pattern}/ ×1"], d.Describe());
    }
}
