using System.Text.Json.Nodes;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// <c>ssh-bruteforce-cron-xmrig-journal</c> is the incident of <c>ssh-bruteforce-cron-xmrig</c> as a Debian 12
/// host without rsyslog keeps it: a binary journal, wtmp/btmp and audit.log, no auth.log, syslog or
/// .bash_history (issue 13). The chain must tell the same story from that evidence: the same entry (time,
/// user, address, method), the phases in the same order, the same mining start, the same IOCs and the same
/// persistence to remove — only the steps' origins differ (journal and audit instead of auth.log and
/// history). And SigmaHQ's auditd rules fire on its audit.log.
/// </summary>
public sealed class JournalOnlyScenarioTests
{
    private const string Text = "ssh-bruteforce-cron-xmrig";
    private const string Journal = "ssh-bruteforce-cron-xmrig-journal";

    private static JsonObject Chain(string scenario, bool withRules) => Assert.Single(ScenarioCase.Run(scenario, withRules).Contract["chains"]!.AsArray())!.AsObject();

    /// <summary>Phases in the order they first appear in the story (the audit log adds steps inside a phase, not new phases).</summary>
    private static List<string> PhaseOrder(JsonObject chain) =>
        chain["steps"]!.AsArray().Select(s => (string)s!["phase"]!).Distinct().ToList();

    private static List<string> Targets(JsonObject chain, string category) =>
        chain["response"]!.AsArray().Where(r => (string)r!["category"]! == category).Select(r => (string)r!["target"]!).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheJournalOnlyHostTellsTheSameStoryAsTheTextLogs(bool withRules)
    {
        var text = Chain(Text, withRules);
        var journal = Chain(Journal, withRules);
        foreach (var key in new[] { "time", "user", "sourceIp", "method" })
            Assert.Equal((string?)text["entry"]![key], (string?)journal["entry"]![key]);
        Assert.Equal(PhaseOrder(text), PhaseOrder(journal));
        Assert.Equal((string?)text["miningStart"], (string?)journal["miningStart"]);
        Assert.Equal(Targets(text, "remove"), Targets(journal, "remove"));
        Assert.Equal(["var/spool/cron/crontabs/root:5", "root/.ssh/authorized_keys:1"], Targets(journal, "remove"));
        foreach (var category in new[] { "block", "kill", "rotate", "fix-entry" })
            Assert.Equal(Targets(text, category), Targets(journal, category));
        // Same indicators; the cron IOC names its own folder's crontab.
        var iocs = text["iocs"]!.AsObject().Where(p => p.Key is not "all" and not "cron").Select(p => p.Key).ToList();
        foreach (var kind in iocs)
            Assert.Equal(text["iocs"]![kind]!.ToJsonString(), journal["iocs"]![kind]!.ToJsonString());

        // The evidence behind the steps is the journal, the login records and the audit log: nothing of the text logs.
        var files = journal["steps"]!.AsArray().Select(s => (string)s!["origin"]!["file"]!).Distinct().ToList();
        Assert.Contains(files, f => f.EndsWith("system.journal", StringComparison.Ordinal));
        Assert.Contains("var/log/audit/audit.log", files);
        Assert.DoesNotContain(files, f => f.Contains("auth.log", StringComparison.Ordinal) || f.Contains("bash_history", StringComparison.Ordinal) || f.EndsWith("syslog", StringComparison.Ordinal));
        Assert.StartsWith("var/log/journal/", (string)journal["entry"]!["origin"]!["file"]!, StringComparison.Ordinal);
    }

    /// <summary>btmp and the journal tell the same 35 failed passwords: the entry counts them once, as the text logs do.</summary>
    [Fact]
    public void TheBruteForceIsCountedOnceFromJournalAndBtmp()
    {
        var text = Chain(Text, false);
        var journal = Chain(Journal, false);
        Assert.Contains("35 failed logons", (string)text["entry"]!["why"]!, StringComparison.Ordinal);
        Assert.Contains("35 failed logons", (string)journal["entry"]!["why"]!, StringComparison.Ordinal);
        // wtmp and the journal agree on every login: no tampering gap.
        Assert.DoesNotContain(journal["gaps"]!.AsArray(), g => ((string)g!["kind"]!).StartsWith("login-", StringComparison.Ordinal));
    }

    [SharedDataFact("sigmahq/rules/linux/auditd")]
    public void SigmaHqAuditdRulesFireOnTheAuditLog()
    {
        var linux = RepoPaths.SharedData("sigmahq/rules/linux") ?? throw new InvalidOperationException("shared data missing");
        var rules = RuleLoader.Load([Path.Combine(linux, "auditd")], new RuleLoadOptions());
        var engine = new RuleEngine(rules, SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
        var outcome = ParserHarness.ParseFile(Path.Combine(ScenarioCase.ScenarioRoot, Journal, "var/log/audit/audit.log"));
        Assert.Empty(outcome.Warnings);
        var events = outcome.Events.OrderBy(e => e.Ticks).ToList();
        var commandById = events.ToDictionary(e => e.Id, e => e.Fields.Get("command") ?? e.Fields.Get("type") ?? "");
        var fired = engine.Evaluate(events, minLevel: "informational").Select(m => (m.Title, Command: commandById[m.EventId])).Distinct().ToList();
        var seen = string.Join("\n", fired.Select(f => $"{f.Title}: {f.Command}"));
        void Fires(string title, string command) =>
            Assert.True(fired.Any(f => f.Title == title && f.Command.Contains(command, StringComparison.Ordinal)), $"'{title}' did not fire on '{command}'; fired:\n{seen}");
        // SYSCALL view: the miner's program runs from /tmp and from a hidden directory (cron's runs of kswapd0).
        Fires("Program Executions in Suspicious Folders", "/tmp/.X25-unix/.rsync/c/kswapd0 -B");
        Fires("Use Of Hidden Paths Or Files", "/tmp/.X25-unix/.rsync/c/kswapd0 -B");
        // EXECVE view: the attacker's hands-on commands.
        Fires("System Information Discovery - Auditd", "uname -a");
        Fires("System Owner or User Discovery - Linux", "uname -a");
        Fires("Hidden Files and Directories", "mkdir -p /tmp/.X25-unix/.rsync/c");
        Fires("File or Folder Permissions Change", "chmod +x kswapd0");
        Fires("Remove Immutable File Attribute - Auditd", "chattr -ia .ssh");
        Fires("File or Folder Permissions Change", "chmod -R go= /root/.ssh");
        // The admin's reload is what that rule is written for (low, informational context), not an attacker step.
        Fires("Service Reload or Start - Linux", "systemctl reload nginx");
        // Failed logins (USER_AUTH) are not executions: nothing fires on them.
        Assert.DoesNotContain(fired, f => f.Command == "USER_AUTH");
        Assert.Equal(8, fired.Select(f => f.Title).Distinct().Count());
    }
}
