using Timeline.Core.Vocabulary;
using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Generic syslog lines that prove a miner runs or a service was exploited: the kernel MSR warning
/// (<c>msr: Write to unrecognized MSR … by kswapd0</c>, threat-notes §1.7), XMRig's own log lines, and
/// Redis lines of the cron-write and rogue-master techniques (§1.2).
/// </summary>
public sealed class SyslogAnalytic(IndicatorCatalog indicators) : IEventAnalytic
{
    private static readonly Regex Msr = new(@"msr: Write to unrecognized MSR \S+ by (?<comm>\S+) \(pid: ?(?<pid>\d+)\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly string[] XmrigLines = ["net use pool ", "net new job from ", "cpu accepted (", "use pool ", "new job from "];

    public bool Handles(string parser) => parser == ParserNames.Syslog;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var m = e.Message;
        if (OwnAddress.In(m) is { } own) host.SawOwnAddress(own.Ip, e.Id, e.Ticks, own.How);
        if (m.Contains("unrecognized MSR", StringComparison.Ordinal) && Msr.Match(m) is { Success: true } msr)
        {
            var comm = msr.Groups["comm"].Value;
            var s = Signal.From(e, m, AttackPhase.Mining, AnalyticKinds.MsrWrite, $"kernel: '{comm}' (pid {msr.Groups["pid"].Value}) writes CPU model-specific registers",
                "XMRig writes MSRs to speed up RandomX mining; the kernel names the process (threat-notes §1.7)", 0.85, true);
            s.MiningRun = true;
            s.Facts["process"] = comm;
            return host.Add(s, "msr|" + comm);
        }
        if (XmrigLines.Any(x => m.Contains(x, StringComparison.Ordinal)) && (m.Contains("diff ", StringComparison.Ordinal) || m.Contains("xmrig", StringComparison.OrdinalIgnoreCase)))
        {
            var s = Signal.From(e, m, AttackPhase.Mining, AnalyticKinds.MinerLog, "miner log: " + CommandSignals.Excerpt(m), "XMRig's own log line (pool connection, job or accepted share; threat-notes §1.7)", 0.9, true);
            s.MiningRun = true;
            return host.Add(s, "xmrig|" + e.Fields.Get(FieldNames.Program));
        }
        if (m.Contains("Failed opening the RDB file", StringComparison.Ordinal) && (m.Contains("cron", StringComparison.Ordinal) || m.Contains(".ssh", StringComparison.Ordinal)))
            return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.RedisExploit, "Redis tried to save its database into a cron or SSH directory",
                "the Redis cron-write technique: CONFIG SET dir to a cron spool, then SAVE (threat-notes §1.2)", 0.9, true), "redis-rdb|" + m);
        if ((m.Contains("REPLICAOF", StringComparison.Ordinal) || m.Contains("SLAVE OF", StringComparison.Ordinal)) && m.Contains("enabled (user request", StringComparison.Ordinal))
            return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.RedisExploit, "Redis was made a replica of a remote server on request",
                "the rogue-master technique that loads a malicious module (threat-notes §1.2)", 0.85, true));
        foreach (var marker in indicators.Markers(m))
            if (marker.Phase == AttackPhase.Entry)
                return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.Marker, CommandSignals.Excerpt(m), $"contains '{marker.Value}': {marker.Note} ({marker.Source})", 0.85, true));
        return null;
    }
}
