using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>The common reads of <see cref="ICaseStore.Events"/>, spelled once.</summary>
public static class CaseEvents
{
    /// <summary>All events of complete files in timeline order, optionally inside a window.</summary>
    public static IEnumerable<EventRecord> Events(this ICaseStore store, TimeWindow? window = null) =>
        store.Events(EventSelection.In(window));
}
