using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// A candidate step: one event the analytics or the rules flagged, with what it means. Repeats of
/// the same thing (a cron job running every minute) fold into the first one with a count and the
/// last time, so a year of miner restarts costs one object.
/// </summary>
public sealed class Signal
{
    public required string EventId { get; init; }
    public required long? Ticks { get; init; }
    public required long? SortTicks { get; init; }
    public required TimeQuality TimeQuality { get; init; }
    public required Origin Origin { get; init; }
    public required string Parser { get; init; }
    public string? User { get; set; }
    public string? SourceIp { get; init; }
    /// <summary>The command line, crontab line, key or message the signal is about (evidence text, unescaped).</summary>
    public required string Text { get; init; }
    public required AttackPhase Phase { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public required string Why { get; set; }
    public double Confidence { get; set; }
    public bool Strong { get; set; }
    /// <summary>True when the event shows the miner running (not just installed or tuned).</summary>
    public bool MiningRun { get; set; }
    public List<string> RuleIds { get; } = [];
    public List<string> RuleTitles { get; } = [];
    public CommandArtifacts Artifacts { get; set; } = CommandArtifacts.None;
    /// <summary>Extra facts for IOCs and the response plan: <c>key_fp</c>, <c>cron_path</c>, <c>schedule</c>, <c>service</c>, <c>task</c>, <c>owner</c>, ….</summary>
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);
    public int Repeats { get; set; } = 1;
    /// <summary>Set once the host keeps the signal (folded repeats return the kept one).</summary>
    public bool Kept { get; internal set; }
    public long? LastTicks { get; set; }

    /// <summary>
    /// True when the event carries its own time (not a file mtime, not order-only, not a snapshot: a process
    /// list says the miner ran at collection, not when it started, so it never starts an incident).
    /// </summary>
    public bool Timed => Ticks is not null && (TimeQuality & (TimeQuality.FileMtime | TimeQuality.OrderOnly | TimeQuality.Snapshot)) == 0;

    public static Signal From(EventRecord e, string text, AttackPhase phase, string kind, string summary, string why, double confidence, bool strong) => new()
    {
        EventId = e.Id,
        Ticks = e.Ticks,
        SortTicks = e.SortTicks ?? e.Ticks,
        TimeQuality = e.TimeQuality,
        Origin = e.Origin,
        Parser = e.Parser,
        User = e.Fields.Get(FieldNames.User) ?? e.Fields.Get(FieldNames.CronUser),
        SourceIp = e.Fields.Get(FieldNames.SrcIp),
        Text = text,
        Phase = phase,
        Kind = kind,
        Summary = summary,
        Why = why,
        Confidence = confidence,
        Strong = strong,
    };
}
