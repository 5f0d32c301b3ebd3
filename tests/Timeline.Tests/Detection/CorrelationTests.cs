using Xunit;
using Timeline.Core.Events;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

public class CorrelationTests
{
    private static readonly DateTime T0 = new(2024, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    private const string Base = """
        title: failed
        id: base-failed
        name: failed
        logsource: {product: test}
        detection:
          sel: {kind: fail}
          condition: sel
        ---
        title: ok
        id: base-ok
        name: ok
        logsource: {product: test}
        detection:
          sel: {kind: ok}
          condition: sel
        ---
        """;

    private static EventRecord At(int seconds, string kind, string ip = "203.0.113.5", string user = "root", string bytes = "0") =>
        Event("test/plain", kind, T0.AddSeconds(seconds), ("kind", kind), ("ip", ip), ("user", user), ("bytes", bytes));

    private static string Correlation(string body) => Base + "\n" + $"""
        title: corr
        id: corr-1
        level: high
        correlation:
        {body}
        """;

    [Fact]
    public void EventCountFiresWhenTheThresholdIsReachedWithinTheWindow()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {gte: 3}");
        var events = new[] { At(0, "fail"), At(10, "fail"), At(20, "fail") };
        var matches = Run(yaml, events).Where(m => m.RuleId == "corr-1").ToList();
        Assert.Equal(events.Select(e => e.Id), matches.Select(m => m.EventId));
    }

    [Fact]
    public void EventCountDoesNotFireWhenEventsAreSpreadBeyondTheWindow()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {gte: 3}");
        Assert.DoesNotContain(Run(yaml, [At(0, "fail"), At(50, "fail"), At(120, "fail")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void EventCountKeepsGroupsApart()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {gte: 2}");
        Assert.DoesNotContain(Run(yaml, [At(0, "fail", ip: "a"), At(1, "fail", ip: "b")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void EventCountWithUpperBoundIsDecidedWhenTheWindowCloses()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {lt: 3}");
        var matches = Run(yaml, [At(0, "fail"), At(10, "fail")]).Where(m => m.RuleId == "corr-1").ToList();
        Assert.Equal(2, matches.Count);
        Assert.DoesNotContain(Run(yaml, [At(0, "fail"), At(10, "fail"), At(20, "fail")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void ValueCountCountsDistinctValues()
    {
        var yaml = Correlation("  type: value_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 5m\n  condition: {field: user, gte: 3}");
        Assert.Contains(Run(yaml, [At(0, "fail", user: "a"), At(1, "fail", user: "b"), At(2, "fail", user: "c")]), m => m.RuleId == "corr-1");
        Assert.DoesNotContain(Run(yaml, [At(0, "fail", user: "a"), At(1, "fail", user: "a"), At(2, "fail", user: "b")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void TemporalNeedsAllRulesInAnyOrderWithinTheWindow()
    {
        var yaml = Correlation("  type: temporal\n  rules: [failed, ok]\n  group-by: [ip]\n  timespan: 1m");
        Assert.Contains(Run(yaml, [At(0, "ok"), At(30, "fail")]), m => m.RuleId == "corr-1");
        Assert.DoesNotContain(Run(yaml, [At(0, "ok"), At(90, "fail")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void TemporalOrderedNeedsTheListedOrder()
    {
        var yaml = Correlation("  type: temporal_ordered\n  rules: [failed, ok]\n  group-by: [ip]\n  timespan: 1m");
        Assert.Contains(Run(yaml, [At(0, "fail"), At(30, "ok")]), m => m.RuleId == "corr-1");
        Assert.DoesNotContain(Run(yaml, [At(0, "ok"), At(30, "fail")]), m => m.RuleId == "corr-1");
    }

    [Fact]
    public void CorrelationsChainByIdAndAttachTheWholeChain()
    {
        var yaml = Base + "\n" + """
            title: burst
            id: burst-1
            name: burst
            correlation:
              type: event_count
              rules: [failed]
              group-by: [ip]
              timespan: 1m
              condition: {gte: 3}
            ---
            title: burst then ok
            id: chain-1
            level: critical
            correlation:
              type: temporal_ordered
              rules: [burst-1, ok]
              group-by: [ip]
              timespan: 10m
            """;
        var events = new[] { At(0, "fail"), At(1, "fail"), At(2, "fail"), At(100, "ok") };
        var matches = Run(yaml, events);
        Assert.Equal(events.Select(e => e.Id), matches.Where(m => m.RuleId == "chain-1").Select(m => m.EventId));
        Assert.DoesNotContain(matches, m => m.RuleId == "burst-1");
        Assert.DoesNotContain(matches, m => m.RuleId == "base-failed");
        Assert.DoesNotContain(Run(yaml, [At(0, "fail"), At(1, "fail"), At(100, "ok")]), m => m.RuleId == "chain-1");
    }

    [Fact]
    public void GenerateTrueKeepsTheReferencedRulesOwnMatches()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {gte: 5}\n  generate: true");
        Assert.Single(Run(yaml, [At(0, "fail")]), m => m.RuleId == "base-failed");
    }

    [Fact]
    public void AliasesGroupDifferentFieldsTogether()
    {
        var yaml = Correlation("  type: temporal\n  rules: [failed, ok]\n  group-by: [who]\n  timespan: 1m\n  aliases:\n    who:\n      failed: user\n      ok: ip");
        Assert.Contains(Run(yaml, [At(0, "fail", user: "x"), At(1, "ok", ip: "x")]), m => m.RuleId == "corr-1");
        Assert.DoesNotContain(Run(yaml, [At(0, "fail", user: "x"), At(1, "ok", ip: "y")]), m => m.RuleId == "corr-1");
    }

    [Theory]
    [InlineData("value_sum", "gte: 100", new[] { "60", "50" }, true)]
    [InlineData("value_sum", "gte: 100", new[] { "60", "30" }, false)]
    [InlineData("value_avg", "gt: 50", new[] { "40", "70" }, true)]
    [InlineData("value_avg", "gt: 50", new[] { "40", "50" }, false)]
    [InlineData("value_percentile", "percentile: 95, gte: 100", new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "500" }, true)]
    [InlineData("value_percentile", "percentile: 50, gte: 100", new[] { "1", "2", "3", "500" }, false)]
    public void MetricCorrelationsAggregateTheNumericField(string type, string condition, string[] values, bool expected)
    {
        var yaml = Correlation($"  type: {type}\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1m\n  condition: {{field: bytes, {condition}}}");
        var events = values.Select((v, i) => At(i, "fail", bytes: v)).ToArray();
        Assert.Equal(expected, Run(yaml, events).Any(m => m.RuleId == "corr-1"));
    }

    [Fact]
    public void DeprecatedCountAggregationBecomesAnEventCount()
    {
        var yaml = """
            title: many failures
            id: agg-1
            logsource: {product: test}
            detection:
              sel: {kind: fail}
              timeframe: 1m
              condition: sel | count() by ip > 2
            """;
        Assert.Equal(3, Run(yaml, [At(0, "fail"), At(1, "fail"), At(2, "fail")]).Count(m => m.RuleId == "agg-1"));
        Assert.Empty(Run(yaml, [At(0, "fail"), At(1, "fail")]));
    }

    [Fact]
    public void DeprecatedCountOfFieldBecomesAValueCount()
    {
        var yaml = """
            title: spray
            id: agg-2
            logsource: {product: test}
            detection:
              sel: {kind: fail}
              timeframe: 5m
              condition: sel | count(user) by ip >= 2
            """;
        Assert.NotEmpty(Run(yaml, [At(0, "fail", user: "a"), At(1, "fail", user: "b")]));
        Assert.Empty(Run(yaml, [At(0, "fail", user: "a"), At(1, "fail", user: "a")]));
    }

    [Fact]
    public void StateStaysBoundedUnderAFloodOfOneGroup()
    {
        var yaml = Correlation("  type: event_count\n  rules: [failed]\n  group-by: [ip]\n  timespan: 1h\n  condition: {gte: 1000000}");
        var events = Enumerable.Range(0, 20000).Select(i => At(i % 3000, "fail"));
        var matches = Run(yaml, events.OrderBy(e => e.Ticks));
        Assert.DoesNotContain(matches, m => m.RuleId == "corr-1");
    }
}
