namespace Timeline.Core.Events;

/// <summary>
/// One event from the evidence: a log line, a history command, a crontab entry, an EVTX record.
/// Immutable. <see cref="Fields"/> holds normalized, flat string values under the parser's own names
/// (<c>user</c>, <c>src_ip</c>, <c>command</c>, ...); Sigma names are mapped onto them as data.
/// </summary>
public sealed class EventRecord
{
    /// <summary>UTC instant in .NET ticks (100 ns), or null when the source has no time.</summary>
    public required long? Ticks { get; init; }
    public required TimeQuality TimeQuality { get; init; }
    public required string Host { get; init; }
    /// <summary>The grammar that understood the event, e.g. <c>linux/auth</c>, <c>linux/cron</c>, <c>linux/syslog</c>.</summary>
    public required string Parser { get; init; }
    /// <summary>The original line or a compact rendering of the record. Sigma keywords search here.</summary>
    public required string Message { get; init; }
    public required FieldSet Fields { get; init; }
    public required Origin Origin { get; init; }

    /// <summary>
    /// The key the timeline sorts by: <see cref="Ticks"/> when known; for untimed entries the upper
    /// bound the parser could give (e.g. the history file's mtime), so they list near where they belong.
    /// </summary>
    public long? SortTicks { get; init; }

    public string Id => Origin.EventId;

    public DateTime? TimeUtc => Ticks is { } t ? new DateTime(t, DateTimeKind.Utc) : null;
}
