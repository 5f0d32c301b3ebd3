using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.Syslog;
using Timeline.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Timeline.Tests.Conventions;

/// <summary>
/// Adding a phase, a level, a grammar or a catalogued class is adding files plus data: each test here
/// fails when one of the pieces is missing.
/// </summary>
public sealed partial class VocabularyConventionTests
{
    public static TheoryData<AttackPhase> Phases()
    {
        var data = new TheoryData<AttackPhase>();
        foreach (var p in Enum.GetValues<AttackPhase>()) data.Add(p);
        return data;
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void EveryPhaseHasANameTitleColourAndDescription(AttackPhase phase)
    {
        var row = PhaseTable.Of(phase);
        Assert.Matches(PublicName(), row.Name);
        Assert.False(string.IsNullOrWhiteSpace(row.Title), $"{phase}: no title");
        Assert.Matches(HexColour(), row.Colour);
        Assert.False(string.IsNullOrWhiteSpace(row.Description), $"{phase}: no description");
        Assert.Equal(phase, PhaseTable.Parse(row.Name));
    }

    /// <summary>The chain reads live state from the parsers listed in <see cref="ParserNames.LiveState"/>: a new live/* parser left out would be evidence the chain never sees.</summary>
    [Fact]
    public void EveryLiveStateParserIsKnownToTheChain()
    {
        var live = Timeline.Parsers.ParserCatalog.Default.All.Select(p => p.Name).Where(n => n.StartsWith("live/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(live);
        Assert.Equal(live.Order(StringComparer.Ordinal), ParserNames.LiveState.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PhaseNamesAndColoursAreDistinct()
    {
        Assert.Equal(Enum.GetValues<AttackPhase>().Length, PhaseTable.All.Count);
        Assert.Equal(PhaseTable.All.Count, PhaseTable.All.Select(d => d.Name).Distinct().Count());
        Assert.Equal(PhaseTable.All.Count, PhaseTable.All.Select(d => d.Colour.ToLowerInvariant()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void EveryPhaseHasAMappingInPhasesYml(AttackPhase phase)
    {
        var root = YamlRoot(Path.Combine(RepoPaths.Sigma, "phases.yml"));
        var name = PhaseTable.Name(phase);
        var precedence = ((YamlSequenceNode)root.Children[new YamlScalarNode("precedence")]).Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains(name, precedence);
        var mapped = new[] { "tactics", "techniques" }
            .SelectMany(k => ((YamlMappingNode)root.Children[new YamlScalarNode(k)]).Children.Values)
            .Select(v => ((YamlScalarNode)v).Value);
        Assert.True(mapped.Contains(name), $"sigma/phases.yml maps no tactic or technique to '{name}'");
    }

    [Fact]
    public void EveryRuleLevelOfTheSigmaSpecificationHasAnOrderAndAColour()
    {
        // Sigma specification v2.1, "level".
        Assert.Equal(["informational", "low", "medium", "high", "critical"], RuleLevels.Ordered);
        Assert.All(RuleLevels.All, l => Assert.Matches(HexColour(), l.Colour));
        Assert.Equal(RuleLevels.All.Count, RuleLevels.All.Select(l => l.Colour).Distinct().Count());
        for (var i = 0; i < RuleLevels.Ordered.Count; i++)
        {
            Assert.Equal(i, RuleLevels.Rank(RuleLevels.Ordered[i]));
            Assert.Equal(RuleLevels.Ordered.Count - 1 - i, RuleLevels.Severity(RuleLevels.Ordered[i]));
        }
        Assert.Null(RuleLevels.Severity("urgent"));
    }

    public static TheoryData<string> GrammarNames()
    {
        var data = new TheoryData<string>();
        foreach (var g in Grammars().Order(StringComparer.Ordinal)) data.Add(g);
        return data;
    }

    private static IEnumerable<string> Grammars() => GrammarCatalog.Value.Names;

    private static readonly Lazy<Catalog<ISyslogMessageGrammar>> GrammarCatalog = new(() => new Catalog<ISyslogMessageGrammar>(g => g.Name, typeof(SyslogGrammarTable).Assembly));

    /// <summary>
    /// A grammar's events reach Sigma through the mapping of its parser: the mapping must exist, must
    /// have a logsource without <c>when:</c> (so every event kind is visible to rules), and every event
    /// kind a <c>when:</c> names must be one the vocabulary declares (a misspelt kind matches nothing).
    /// </summary>
    [Theory]
    [MemberData(nameof(GrammarNames))]
    public void EverySyslogGrammarsEventKindsHaveASigmaMapping(string grammar)
    {
        var parser = GrammarCatalog.Value.Find(grammar)!.EventParser;
        var path = Path.Combine(RepoPaths.Sigma, "mappings", parser + ".yml");
        Assert.True(File.Exists(path), $"grammar {grammar}: parser {parser} has no sigma/mappings/{parser}.yml");
        var logsources = ((YamlSequenceNode)YamlRoot(path).Children[new YamlScalarNode("logsources")]).Cast<YamlMappingNode>().ToList();
        Assert.Contains(logsources, l => !l.Children.ContainsKey(new YamlScalarNode("when")));
        var declared = DeclaredEventKinds();
        foreach (var l in logsources)
            if (l.Children.TryGetValue(new YamlScalarNode("when"), out var when) && ((YamlMappingNode)when).Children.TryGetValue(new YamlScalarNode("event"), out var kinds))
                foreach (var kind in ((YamlSequenceNode)kinds).Select(k => ((YamlScalarNode)k).Value))
                    Assert.True(declared.Contains(kind!), $"sigma/mappings/{parser}.yml names event '{kind}', which no vocabulary class declares");
    }

    /// <summary>Every event kind the grammars' parsers write in the sample goldens is a declared constant, so the vocabulary is complete.</summary>
    [Fact]
    public void EveryEventKindInTheSyslogGoldensIsDeclared()
    {
        var declared = DeclaredEventKinds();
        var parsers = GrammarCatalog.Value.All.Select(g => g.EventParser).Distinct().ToList();
        var seen = 0;
        foreach (var parser in parsers)
            foreach (var golden in Directory.GetFiles(Path.Combine(RepoPaths.SampleLogs, parser), "*.events.jsonl"))
                foreach (var line in File.ReadLines(golden).Where(l => l.Length > 0))
                {
                    using var doc = JsonDocument.Parse(line);
                    if (!doc.RootElement.GetProperty("fields").TryGetProperty("event", out var kind)) continue;
                    seen++;
                    Assert.True(declared.Contains(kind.GetString()!), $"{RepoPaths.Relative(golden)}: event '{kind.GetString()}' is not a constant of the vocabulary");
                }
        Assert.True(seen > 50, "the syslog goldens hold too few events to check");
    }

    private static HashSet<string> DeclaredEventKinds() =>
        new[] { typeof(AuthEvents), typeof(CronEvents), typeof(PersistenceEvents), typeof(WindowsEvents) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.Name != "ParserName")
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    public interface ICataloguedForTest
    {
        string Name { get; }
    }

    public sealed class BuildableForTest : ICataloguedForTest
    {
        public string Name => "buildable";
    }

    public sealed class UnbuildableForTest(string name) : ICataloguedForTest
    {
        public string Name => name;
    }

    [Fact]
    public void ACataloguedTypeTheCatalogCannotConstructFailsLoudly()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Catalog<ICataloguedForTest>(t => t.Name, typeof(VocabularyConventionTests).Assembly));
        Assert.Contains(nameof(UnbuildableForTest), ex.Message);
        Assert.Contains("parameterless constructor", ex.Message);
    }

    [Fact]
    public void EveryShippedCatalogBuilds()
    {
        Assert.NotEmpty(Timeline.Parsers.ParserCatalog.Default.All);
        Assert.NotEmpty(GrammarCatalog.Value.All);
        Assert.NotEmpty(Timeline.Report.ReportFormats.Names);
    }

    private static YamlMappingNode YamlRoot(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex PublicName();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
