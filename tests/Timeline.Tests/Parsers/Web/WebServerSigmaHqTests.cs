using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Web;

/// <summary>
/// SigmaHQ's <c>category: webserver</c> rules (rules/web and rules-emerging-threats, from ../shared) load
/// without error and run over the access-log sample through <c>sigma/mappings/web/access.yml</c>: each
/// named rule fires on the line written for it — through the decoded view where the line is
/// percent-encoded — and no rule fires on the benign lines.
/// </summary>
public sealed class WebServerSigmaHqTests
{
    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var root = RepoPaths.SharedData("sigmahq") ?? throw new InvalidOperationException("shared data missing");
        var files = new[] { "rules/web", "rules-emerging-threats" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.yml", SearchOption.AllDirectories))
            .Where(f => File.ReadAllText(f).Contains("category: webserver", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return RuleLoader.Load(files, new RuleLoadOptions());
    });

    private static Dictionary<long, HashSet<string>> RuleIdsByLine(string sample, string folder = "web/access")
    {
        var outcome = ParserHarness.ParseFile(Path.Combine(RepoPaths.SampleLogs, folder, sample));
        var engine = new RuleEngine(Rules.Value, SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
        var ordered = outcome.Events.OrderBy(e => e.Ticks).ToList();
        var lineById = ordered.ToDictionary(e => e.Id, e => e.Origin.Position);
        var result = new Dictionary<long, HashSet<string>>();
        foreach (var m in engine.Evaluate(ordered, minLevel: "informational"))
        {
            var line = lineById[m.EventId];
            if (!result.TryGetValue(line, out var ids)) result[line] = ids = [];
            ids.Add(m.RuleId);
        }
        return result;
    }

    [SharedDataFact("sigmahq/rules/web")]
    public void TheWebserverRulesLoad()
    {
        var rules = Rules.Value;
        Assert.True(rules.FilesTotal >= 80, $"only {rules.FilesTotal} webserver rule files found");
        Assert.Empty(rules.Errors.Select(e => e.Path + ":" + e.Line + ": " + e.Reason));
        Assert.All(rules.Rules, r => Assert.Equal("webserver", r.LogSource.Category));
    }

    [SharedDataFact("sigmahq/rules/web")]
    public void TheRulesWrittenForEachLineFireAndBenignLinesStayQuiet()
    {
        var fired = RuleIdsByLine("written-nginx-apache.log");
        void Fires(long line, string id, string title) =>
            Assert.True(fired.TryGetValue(line, out var ids) && ids.Contains(id),
                $"'{title}' ({id}) did not fire on line {line}; fired there: {(fired.TryGetValue(line, out var x) ? string.Join(", ", x) : "nothing")}");

        Fires(2, "19aa4f58-94ca-45ff-bc34-92e533c0994a", "Suspicious User-Agents Related To Recon Tools"); // zgrab/ in cs-user-agent
        Fires(6, "9be472ed-893c-4ec0-94da-312d2765f654", "Log4j RCE CVE-2021-44228 in Fields");           // ${jndi:ldap:/ in query, referer, agent
        Fires(10, "7745c2ea-24a5-4290-b680-04359cb84b35", "Path Traversal Exploitation Attempts");        // only the decoded view has ../../../etc/
        foreach (var benign in new long[] { 1, 8, 11 })
            Assert.False(fired.ContainsKey(benign), $"a rule fired on benign line {benign}: " + string.Join(", ", fired.GetValueOrDefault(benign) ?? []));
    }

    [SharedDataFact("sigmahq/rules/web")]
    public void TheRulesRunOnIisLinesThroughTheSameNames()
    {
        var fired = RuleIdsByLine("written-iis-fields-change.log", "web/iis");
        Assert.Contains("9be472ed-893c-4ec0-94da-312d2765f654", fired.GetValueOrDefault(8) ?? []); // Log4Shell user agent (cs(User-Agent) → cs-user-agent)
        Assert.False(fired.ContainsKey(6), "a rule fired on the benign IIS line 6: " + string.Join(", ", fired.GetValueOrDefault(6) ?? []));
    }
}
