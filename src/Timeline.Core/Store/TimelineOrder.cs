using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// The one order of the timeline: position in time (<see cref="EventRecord.SortTicks"/>; events with
/// none come first), then file, then position in the file.
/// </summary>
public static class TimelineOrder
{
    public static long KeyOf(EventRecord e) => e.SortTicks ?? long.MinValue;

    public static int Compare(EventRecord a, EventRecord b)
    {
        var c = KeyOf(a).CompareTo(KeyOf(b));
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Origin.Sha256, b.Origin.Sha256);
        return c != 0 ? c : a.Origin.Position.CompareTo(b.Origin.Position);
    }
}
