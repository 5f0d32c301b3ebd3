using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

public sealed class ChainKnowledgeTests
{
    private static readonly ChainKnowledge Bundled = ChainKnowledge.Load(RepoPaths.Sigma);

    [Fact]
    public void EveryBundledIndicatorNamesItsSource()
    {
        Assert.True(Bundled.Indicators.Entries.Count > 50);
        Assert.All(Bundled.Indicators.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.File}:{e.Line} {e.Value}"));
        Assert.Contains(Bundled.Indicators.Entries, e => e.Kind == "pool-domain");
        Assert.Contains(Bundled.Indicators.Entries, e => e.Kind == "wallet");
        Assert.Contains(Bundled.Indicators.Entries, e => e.Kind == "service-account" && e.Value == "redis");
    }

    [Fact]
    public void AnIndicatorWithoutASourceFailsTheLoadWithFileAndLine()
    {
        var dir = Some.TempDir();
        File.WriteAllText(Path.Combine(dir, "pools.yml"), "kind: pool-domain\nentries:\n  - { value: example.org, match: suffix }\n");
        var ex = Assert.Throws<ChainKnowledgeException>(() => IndicatorCatalog.Load(dir));
        Assert.Contains("pools.yml:3", ex.Message);
        Assert.Contains("no source", ex.Message);
    }

    [Fact]
    public void PhasesYmlNamesOnlyKnownPhases()
    {
        var dir = Some.TempDir();
        File.WriteAllText(Path.Combine(dir, "phases.yml"), "tactics:\n  impact: cryptomining\n");
        Assert.Throws<ChainKnowledgeException>(() => PhaseMap.Load(Path.Combine(dir, "phases.yml")));
        Assert.Equal(Enum.GetValues<AttackPhase>().Length, Bundled.Phases.Precedence.Count);
    }

    [Theory]
    [InlineData("attack.defense-evasion", AttackPhase.Evasion)]
    [InlineData("attack.defense_evasion", AttackPhase.Evasion)]
    [InlineData("attack.stealth", AttackPhase.Evasion)]
    [InlineData("attack.defense-impairment", AttackPhase.Evasion)]
    [InlineData("attack.t1070.002", AttackPhase.Evasion)]
    [InlineData("attack.t1685.006", AttackPhase.Evasion)]
    [InlineData("attack.t1562.001", AttackPhase.Evasion)]
    [InlineData("attack.t1686", AttackPhase.Evasion)]
    [InlineData("attack.T1496", AttackPhase.Mining)]
    [InlineData("attack.t1053.003", AttackPhase.Persistence)]
    [InlineData("attack.initial_access", AttackPhase.Entry)]
    [InlineData("attack.lateral-movement", AttackPhase.Lateral)]
    public void OneTagMapsToItsPhaseInOldAndV19Spellings(string tag, AttackPhase phase) =>
        Assert.Equal(phase, Bundled.Phases.PhaseOf([tag]));

    [Fact]
    public void TechniquesBeatTacticsAndPrecedenceBreaksTies()
    {
        // A cron job that downloads: persistence + execution, t1053.003 + t1105 → persistence.
        Assert.Equal(AttackPhase.Persistence, Bundled.Phases.PhaseOf(["attack.execution", "attack.persistence", "attack.t1105", "attack.t1053.003"]));
        // SSH login from a public address: initial-access, t1078, t1021.004 → entry, not lateral.
        Assert.Equal(AttackPhase.Entry, Bundled.Phases.PhaseOf(["attack.initial-access", "attack.t1078", "attack.t1021.004"]));
        // A tactic alone still counts; unrelated tags do not.
        Assert.Equal(AttackPhase.Impact, Bundled.Phases.PhaseOf(["attack.impact", "car.2016-04-002"]));
        Assert.Null(Bundled.Phases.PhaseOf(["cve.2021-44228", "detection.emerging-threats"]));
    }
}
