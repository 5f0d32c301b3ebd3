namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// What is known about the collection an archive holds: the collector, the host (and where that came
/// from), when it was collected (the upper bound of the host's timeline and the "as of" time of live
/// state), and the host's zone from <c>/etc/timezone</c>.
/// </summary>
public sealed record Collection(CollectorKind Kind, string? Host, string? HostSource, DateTimeOffset? CollectedAt, string? CollectedSource, TimeZoneInfo? TimeZone)
{
    public static Collection None { get; } = new(CollectorKind.Plain, null, null, null, null, null);

    /// <summary>This collection with gaps filled from the enclosing one (a nested archive inherits the outer host and time).</summary>
    public Collection Under(Collection outer) => new(
        Kind,
        outer.Host ?? Host, outer.Host is not null ? outer.HostSource : HostSource,
        outer.CollectedAt ?? CollectedAt, outer.CollectedAt is not null ? outer.CollectedSource : CollectedSource,
        outer.TimeZone ?? TimeZone);
}
