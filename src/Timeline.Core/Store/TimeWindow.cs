namespace Timeline.Core.Store;

/// <summary>
/// A half-open range of UTC ticks [From, To) on an event's timeline position (its time, or for
/// untimed entries the bound its parser gave). Events with no position at all are in
/// <see cref="All"/> only.
/// </summary>
public sealed record TimeWindow(long? From, long? To)
{
    public static readonly TimeWindow All = new(null, null);

    public bool IsAll => From is null && To is null;

    public bool Contains(long? sortTicks)
    {
        if (IsAll) return true;
        if (sortTicks is not { } t) return false;
        return (From is not { } f || t >= f) && (To is not { } to || t < to);
    }

    /// <summary>Whether a block holding positions [lo, hi] may contain events in the window.</summary>
    public bool Overlaps(long lo, long hi) => IsAll || ((From is not { } f || hi >= f) && (To is not { } t || lo < t));
}
