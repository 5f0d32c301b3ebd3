using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Query.Planning;

namespace Timeline.Query.Execution;

/// <summary>Finds one event by id from the block summaries (decodes only the block that holds it).</summary>
public static class EventLookup
{
    public static EventRecord? Find(ICaseStore store, string eventId)
    {
        var files = store.Blocks.CompleteFiles();
        foreach (var block in new EventBlockLocator(store.Blocks.All()).Locate(eventId.Trim()))
        {
            var hit = store.Blocks.Decode(block, files[block.File]).FirstOrDefault(e => string.Equals(e.Id, eventId.Trim(), StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return hit;
        }
        return null;
    }

    /// <summary>The window [t − span, t + span] around an event's timeline position.</summary>
    public static TimeWindow Around(EventRecord e, TimeSpan span)
    {
        var t = e.SortTicks ?? throw new InvalidOperationException($"event {e.Id} has no position on the timeline, so nothing is around it");
        return new TimeWindow(t - span.Ticks, t + span.Ticks + 1);
    }
}
