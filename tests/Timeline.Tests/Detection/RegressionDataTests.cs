using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using Timeline.Detection.Sigma;

namespace Timeline.Tests.Detection;

public class RegressionDataTests(ITestOutputHelper output)
{
    private const double MinimumPassRatio = 0.98;

    /// <summary>Known failures and why (rule id → reason). Keep short; each entry is a debt.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal);

    [Fact]
    public void SigmaHqRegressionEventsFireTheirRulesForAtLeastNinetyEightPercentOfTests() =>
        Check((info, evtx) =>
        {
            var json = Path.Combine(Path.GetDirectoryName(info)!, Path.GetFileNameWithoutExtension(evtx) + ".json");
            return File.Exists(json) ? EvtxJsonEvents.Read(json).OrderBy(e => e.Ticks).ToList() : null;
        });

    /// <summary>The same check on the real .evtx files, read by our EVTX parser: detection and parsing agree end to end.</summary>
    [Fact]
    public void SigmaHqRegressionEvtxFilesReadByOurParserFireTheirRules() =>
        Check((info, evtx) =>
        {
            var root = SharedCorpus.Find("sigmahq")!;
            var path = Path.Combine(root, evtx);
            if (!File.Exists(path)) path = Path.Combine(Path.GetDirectoryName(info)!, Path.GetFileName(evtx));
            if (!File.Exists(path)) return null;
            var outcome = Support.ParserHarness.ParseFile(path);
            return outcome.Parser?.Name == "windows/evtx" ? outcome.Events.OrderBy(e => e.Ticks).ToList() : null;
        });

    private void Check(Func<string, string, List<Core.Events.EventRecord>?> load)
    {
        var root = SharedCorpus.Find("sigmahq");
        if (root is null) return;
        var set = RuleLoader.Load([Path.Combine(root, "rules"), Path.Combine(root, "rules-emerging-threats"), Path.Combine(root, "rules-threat-hunting")]);
        var engine = new RuleEngine(set, DetectionHarness.RepoMappings.Value);
        var byId = set.Rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());

        int total = 0, passed = 0;
        var failures = new List<string>();
        foreach (var info in Directory.EnumerateFiles(Path.Combine(root, "regression_data"), "info.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(info)));
            var doc = (YamlMappingNode)yaml.Documents[0].RootNode;
            var ruleId = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)doc["rule_metadata"])[0])["id"]).Value!;
            foreach (var test in ((YamlSequenceNode)doc["regression_tests_info"]).Children.OfType<YamlMappingNode>())
            {
                total++;
                var expected = test.Children.TryGetValue(new YamlScalarNode("match_count"), out var mc) ? int.Parse(((YamlScalarNode)mc).Value!) : 1;
                var evtx = ((YamlScalarNode)test["path"]).Value!;
                string? reason = null;
                var events = byId.ContainsKey(ruleId) ? load(info, evtx) : null;
                if (!byId.ContainsKey(ruleId)) reason = "rule not loaded";
                else if (events is null) reason = "no events file";
                else
                {
                    var count = engine.Evaluate(events).Count(m => m.RuleId == ruleId);
                    if (count < expected) reason = $"{count} matches < {expected}";
                }
                if (reason is null) passed++;
                else failures.Add($"{ruleId} {byId.GetValueOrDefault(ruleId)?.Title}: {reason}{(KnownFailures.TryGetValue(ruleId, out var why) ? " (known: " + why + ")" : "")} [{info}]");
            }
        }
        var ratio = total == 0 ? 1 : (double)passed / total;
        output.WriteLine($"regression tests {total}, passed {passed}, ratio {ratio:P2}");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(total >= 50, $"only {total} regression tests found");
        Assert.True(ratio >= MinimumPassRatio, $"pass ratio {ratio:P2} < {MinimumPassRatio:P0}:\n" + string.Join("\n", failures));
    }
}
