using Xunit;
using Xunit.Abstractions;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

/// <summary>
/// The literal needle prefilter only skips rules that cannot match: the engine with it and without it
/// (<c>RuleEngine(rules, mappings, prefilter: false)</c>) gives the same matches, in the same order.
/// </summary>
public class RuleEnginePrefilterTests(ITestOutputHelper output)
{
    [Fact]
    public void AnOrBranchWithoutALiteralNeedleIsNeverSkipped()
    {
        var yaml = Rule("sel_a:\n    a: 'needle'\nsel_b:\n    b|gt: 10", "1 of sel_*");
        Assert.Single(Run(yaml, [Plain(("b", "20"))]));
        Assert.Single(Run(yaml, [Plain(("a", "needle"))]));
        Assert.Empty(Run(yaml, [Plain(("b", "10"), ("a", "other"))]));
    }

    [Fact]
    public void AKeywordOrAFieldWithoutNeedleInAListIsNeverSkipped()
    {
        var yaml = Rule("sel:\n    - a|contains: 'needle'\n    - b|re: '^x+$'");
        Assert.Single(Run(yaml, [Plain(("b", "xxx"))]));
        Assert.Empty(Run(yaml, [Plain(("b", "xyx"))]));
    }

    [SharedDataFact("sigmahq/regression_data")]
    public void PrefilterChangesNoMatchOnTheSigmaHqRegressionEvents()
    {
        var rules = SigmaHqRegression.Rules.Value;
        var events = SigmaHqRegression.Cases().Select(c => c.JsonEvents()).OfType<List<EventRecord>>().SelectMany(e => e)
            .OrderBy(e => e.Ticks ?? long.MinValue).ToList();
        Compare(rules, RepoMappings.Value, events, "SigmaHQ regression events");
    }

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.EnumerateDirectories(Path.Combine(RepoPaths.SampleLogs, "scenarios")).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(d));
        return data;
    }

    /// <summary>Every file of the scenario through content detection and its parser, with the bundled rules.</summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void PrefilterChangesNoMatchOnAScenariosEvents(string scenario) =>
        Compare(BundledRules.Value, RepoMappings.Value, ScenarioEvents(scenario), scenario + " (bundled rules)");

    /// <summary>The same with SigmaHQ's rules (shared data: skipped, and counted, where it is missing).</summary>
    [SharedDataTheory("sigmahq")]
    [MemberData(nameof(Scenarios))]
    public void PrefilterChangesNoMatchOnAScenariosEventsWithSigmaHqRules(string scenario) =>
        Compare(SigmaHqRegression.Rules.Value, RepoMappings.Value, ScenarioEvents(scenario), scenario + " (SigmaHQ rules)", mayBeEmpty: true);

    private static List<EventRecord> ScenarioEvents(string scenario)
    {
        var folder = Path.Combine(RepoPaths.SampleLogs, "scenarios", scenario);
        var events = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => ParserHarness.ParseFile(f).Events)
            .OrderBy(e => e.Ticks ?? long.MinValue).ToList();
        Assert.NotEmpty(events);
        return events;
    }

    private static readonly Lazy<RuleSet> BundledRules = new(() => RuleLoader.Load([Path.Combine(RepoPaths.Sigma, "rules")]));

    private void Compare(RuleSet rules, SourceMappings mappings, List<EventRecord> events, string what, bool mayBeEmpty = false)
    {
        List<RuleMatch> With() => new RuleEngine(rules, mappings).Evaluate(events).ToList();
        List<RuleMatch> Without() => new RuleEngine(rules, mappings, prefilter: false).Evaluate(events).ToList();
        var filtered = With();
        var all = Without();
        output.WriteLine($"{what}: {events.Count} events, {rules.Rules.Count} rules, {all.Count} matches");
        if (!mayBeEmpty) Assert.NotEmpty(all);
        static string Key(RuleMatch m) => m.EventId + " " + m.RuleId;
        Assert.Equal(all.Select(Key), filtered.Select(Key));
    }
}
