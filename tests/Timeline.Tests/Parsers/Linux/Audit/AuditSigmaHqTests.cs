using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Audit;

/// <summary>
/// SigmaHQ's <c>product: linux, service: auditd</c> rules and its Linux process_creation rules (from
/// ../shared) over the audit samples, through <c>sigma/mappings/linux/audit.yml</c>: each named rule must
/// fire on the event written to trigger it, and nothing fires on events it must not.
/// </summary>
public sealed class AuditSigmaHqTests
{
    private static readonly Lazy<(RuleSet Rules, SourceMappings Mappings)> Engine = new(() =>
    {
        var linux = RepoPaths.SharedData("sigmahq/rules/linux") ?? throw new InvalidOperationException("shared data missing");
        var rules = RuleLoader.Load([Path.Combine(linux, "auditd"), Path.Combine(linux, "process_creation")], new RuleLoadOptions());
        return (rules, SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
    });

    private static Dictionary<string, HashSet<string>> TitlesBySerial(string sample)
    {
        var outcome = ParserHarness.ParseFile(Path.Combine(RepoPaths.SampleLogs, "linux/audit", sample));
        var (rules, mappings) = Engine.Value;
        var engine = new RuleEngine(rules, mappings);
        var ordered = outcome.Events.OrderBy(e => e.Ticks).ToList();
        var serialById = ordered.ToDictionary(e => e.Id, e => (e.Fields.Get("node") is { } n ? n + ":" : "") + e.Fields.Get("serial"));
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var m in engine.Evaluate(ordered, minLevel: "informational"))
        {
            var serial = serialById[m.EventId];
            if (!result.TryGetValue(serial, out var titles)) result[serial] = titles = [];
            titles.Add(m.Title);
        }
        return result;
    }

    [SharedDataFact("sigmahq/rules/linux/auditd")]
    public void TheRulesWrittenForEachSampleEventFire()
    {
        var fired = TitlesBySerial("web01-audit.log");
        void Fires(string serial, string title) =>
            Assert.True(fired.TryGetValue(serial, out var t) && t.Contains(title),
                $"'{title}' did not fire on audit event {serial}; fired there: {(fired.TryGetValue(serial, out var x) ? string.Join(", ", x) : "nothing")}");

        // SYSCALL view: SYSCALL=execve with euid 33 (the web server user), exe under /tmp/.
        Fires("4200", "Webshell Remote Command Execution");
        Fires("4203", "Program Executions in Suspicious Folders");
        // EXECVE view: a0 = chmod; a3 starts with --cpu-priority.
        Fires("4202", "File or Folder Permissions Change");
        Fires("4203", "Possible Coin Miner CPU Priority Param");
        // PATH view (item 1): /etc/ld.so.preload written.
        Fires("4401", "Modification of ld.so.preload");
        // User-space records: ADD_USER, SERVICE_STOP of ufw.
        Fires("4400", "Creation Of An User Account");
        Fires("4402", "Disable System Firewall");
        // process_creation: Image = exe, CommandLine = the decoded argv.
        Fires("4301", "Decode Base64 Encoded Text");
        Fires("4201", "Download File To Potentially Suspicious Directory Via Wget");
        Fires("4202", "Chmod Targeting Sensitive Directories");
        Fires("4200", "Execution Of Script Located In Potentially Suspicious Directory"); // sh -c "… /tmp/ …"
        // Failed logins are not executions: no process or auditd rule fires on them.
        Assert.False(fired.ContainsKey("4101"), "a rule fired on a USER_AUTH failure: " + string.Join(", ", fired.GetValueOrDefault("4101") ?? []));
        // The SYSCALL's raw register a0 (a pointer) is not the argv: a rule on a0 = chmod only sees EXECVE's.
        Assert.DoesNotContain("File or Folder Permissions Change", fired.GetValueOrDefault("4401") ?? []);
    }

    [SharedDataFact("sigmahq/rules/linux/auditd")]
    public void TheEnrichedSampleReachesRulesOnEnrichedNames()
    {
        var fired = TitlesBySerial("plaso-audit_enriched.log");
        // EXECVE a0 = id (System Information Discovery user discovery rule) and ADD_USER.
        Assert.Contains("System Owner or User Discovery - Linux", fired.GetValueOrDefault("485") ?? []);
        Assert.Contains("Creation Of An User Account", fired.GetValueOrDefault("408") ?? []);
    }
}
