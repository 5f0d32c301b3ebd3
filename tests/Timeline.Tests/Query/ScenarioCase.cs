using Timeline.Pipeline;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Parsers;
using Timeline.Tests.Support;

namespace Timeline.Tests.Query;

/// <summary>
/// The bundled incident (sample-logs/scenarios/ssh-bruteforce-cron-xmrig) ingested once into a
/// temporary case, with two hand-made rule matches and a one-host chain so the findings fields
/// (rule, level, tag, phase) have something to find. The figures the tests expect were checked
/// against the evidence with grep.
/// </summary>
public sealed class ScenarioCase
{
    /// <summary>auth.log line 140: "Accepted password for root from 203.0.113.45".</summary>
    public const string AcceptedRoot = "98e642b88774-140";
    /// <summary>auth.log line 1: "Accepted publickey for deploy from 198.51.100.10".</summary>
    public const string AcceptedDeploy = "98e642b88774-1";

    private static readonly Lazy<string> Built = new(Build);

    public static string Path => Built.Value;

    public static string Scenario => System.IO.Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig");

    private static string Build()
    {
        var casePath = System.IO.Path.Combine(Some.TempDir(), "scenario.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [Scenario], new IngestOptions());
        var cronCmd = store.Events().First(e => e.Fields.Get("event") == "cron_cmd" && e.Message.Contains("kswapd0", StringComparison.Ordinal));
        store.Matches.Replace(
        [
            new RuleMatch(AcceptedRoot, "rule-brute-success", "SSH login after brute force", "high", ["attack.initial-access", "attack.t1110"], "test"),
            new RuleMatch(cronCmd.Id, "rule-miner-cron", "Miner started by cron", "critical", ["attack.impact", "attack.t1496"], "test"),
        ]);
        var accepted = store.Events().First(e => e.Id == AcceptedRoot);
        store.Chains.Replace(
        [
            new AttackChain
            {
                Host = "web01",
                Steps =
                [
                    new AttackStep(AttackPhase.Entry, accepted.Ticks, TimeQuality.Exact, AcceptedRoot, "root logged in with a password", "after brute force", ["rule-brute-success"], 0.9, accepted.Origin),
                    new AttackStep(AttackPhase.Mining, cronCmd.Ticks, TimeQuality.Exact, cronCmd.Id, "cron starts the miner", "pool in command", ["rule-miner-cron"], 0.9, cronCmd.Origin),
                ],
            },
        ]);
        return casePath;
    }
}
