using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Generic syslog lines that prove a miner runs or a service was exploited: the kernel MSR warning
/// (<c>msr: Write to unrecognized MSR … by kswapd0</c>, threat-notes §1.7), XMRig's own log lines, and
/// Redis lines of the cron-write and rogue-master techniques (§1.2). The line shapes are data
/// (<c>sigma/patterns/syslog-lines.yml</c>, <see cref="EvidencePatterns"/>).
/// </summary>
public sealed class SyslogAnalytic(IndicatorCatalog indicators, EvidencePatterns patterns) : IEventAnalytic
{

    // The journal's entries that are not auth or cron (linux/journald: kernel, the miner's stdout, redis) carry the same messages.
    public bool Handles(string parser) => parser is ParserNames.Syslog or ParserNames.Journald;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var m = e.Message;
        if (OwnAddress.In(m) is { } own) host.SawOwnAddress(own.Ip, e.Id, e.Ticks, own.How);
        if (patterns.FirstMatch("msr-write", m) is { } msr)
        {
            var comm = msr.Groups["comm"].Value;
            var s = Signal.From(e, m, AttackPhase.Mining, AnalyticKinds.MsrWrite, $"kernel: '{comm}' (pid {msr.Groups["pid"].Value}) writes CPU model-specific registers",
                "XMRig writes MSRs to speed up RandomX mining; the kernel names the process (threat-notes §1.7)", 0.85, true);
            s.MiningRun = true;
            s.Facts["process"] = comm;
            return host.Add(s, "msr|" + comm);
        }
        if (patterns.Matches("xmrig-log-lines", m) && (patterns.Matches("xmrig-log-shares", m) || patterns.Matches("xmrig-log-names", m)))
        {
            var s = Signal.From(e, m, AttackPhase.Mining, AnalyticKinds.MinerLog, "miner log: " + CommandSignals.Excerpt(m), "XMRig's own log line (pool connection, job or accepted share; threat-notes §1.7)", 0.9, true);
            s.MiningRun = true;
            return host.Add(s, "xmrig|" + e.Fields.Get(FieldNames.Program));
        }
        if (patterns.Matches("redis-rdb-write", m))
            return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.RedisExploit, "Redis tried to save its database into a cron or SSH directory",
                "the Redis cron-write technique: CONFIG SET dir to a cron spool, then SAVE (threat-notes §1.2)", 0.9, true), "redis-rdb|" + m);
        if (patterns.Matches("redis-replica-of", m))
            return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.RedisExploit, "Redis was made a replica of a remote server on request",
                "the rogue-master technique that loads a malicious module (threat-notes §1.2)", 0.85, true));
        foreach (var marker in indicators.Markers(m))
            if (marker.Phase == AttackPhase.Entry)
                return host.Add(Signal.From(e, m, AttackPhase.Entry, AnalyticKinds.Marker, CommandSignals.Excerpt(m), $"contains '{marker.Value}': {marker.Note} ({marker.Source})", 0.85, true));
        return null;
    }
}
