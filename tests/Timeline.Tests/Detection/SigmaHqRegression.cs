using YamlDotNet.RepresentationModel;
using Timeline.Core.Events;
using Timeline.Detection.Sigma;

namespace Timeline.Tests.Detection;

/// <summary>
/// SigmaHQ's regression tests in the shared data (<c>sigmahq/regression_data/**/info.yml</c>): per test the
/// rule id, the expected <c>match_count</c> (1 when absent) and the event files (a one-chunk
/// <c>.evtx</c> and a <c>.json</c> copy of the same events), plus the rule corpus they test.
/// </summary>
internal static class SigmaHqRegression
{
    public sealed record Case(string InfoPath, string RuleId, int ExpectedMatches, string EvtxPath)
    {
        /// <summary>The JSON copy of the events beside <c>info.yml</c>, or null when the test has none.</summary>
        public string? JsonPath
        {
            get
            {
                var json = Path.Combine(Path.GetDirectoryName(InfoPath)!, Path.GetFileNameWithoutExtension(EvtxPath) + ".json");
                return File.Exists(json) ? json : null;
            }
        }

        public List<EventRecord>? JsonEvents() => JsonPath is { } p ? EvtxJsonEvents.Read(p).OrderBy(e => e.Ticks).ToList() : null;
    }

    public static string Root => SharedCorpus.Find("sigmahq") ?? throw new InvalidOperationException("the SigmaHQ corpus (shared/data/sigmahq) is missing");

    /// <summary>The rule folders the regression tests draw on, loaded once.</summary>
    public static readonly Lazy<RuleSet> Rules = new(() =>
        RuleLoader.Load([Path.Combine(Root, "rules"), Path.Combine(Root, "rules-emerging-threats"), Path.Combine(Root, "rules-threat-hunting")]));

    /// <summary>Every regression test of every <c>info.yml</c>, in path order.</summary>
    public static List<Case> Cases()
    {
        var cases = new List<Case>();
        foreach (var info in Directory.EnumerateFiles(Path.Combine(Root, "regression_data"), "info.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(info)));
            var doc = (YamlMappingNode)yaml.Documents[0].RootNode;
            var ruleId = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)doc["rule_metadata"])[0])["id"]).Value!;
            foreach (var test in ((YamlSequenceNode)doc["regression_tests_info"]).Children.OfType<YamlMappingNode>())
            {
                var expected = test.Children.TryGetValue(new YamlScalarNode("match_count"), out var mc) ? int.Parse(((YamlScalarNode)mc).Value!, System.Globalization.CultureInfo.InvariantCulture) : 1;
                cases.Add(new Case(info, ruleId, expected, ((YamlScalarNode)test["path"]).Value!));
            }
        }
        return cases;
    }
}
