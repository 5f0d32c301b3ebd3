using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Report.Digest;

/// <summary>
/// The one scan over the case's events a report makes: activity per minute and parser (events whose
/// time is their file's mtime or who have no time are not activity and are only counted), failed
/// logins per minute and source, rule hits per host, and the events for the event table (chain
/// events first, then rule-matched ones, up to a limit). Memory stays proportional to the number of
/// distinct minutes and sources, not to the number of events.
/// </summary>
internal sealed class EventPass
{
    public Dictionary<(long Minute, string Parser), long> Activity { get; } = [];
    public long NotActivity { get; private set; }
    public Dictionary<(long Minute, string Source), long> FailedLogins { get; } = [];
    public Dictionary<string, long> HitsByHost { get; } = new(StringComparer.Ordinal);
    public List<TableEvent> Table { get; } = [];
    /// <summary>How many events qualified for the table, listed or not.</summary>
    public long TableCandidates { get; private set; }

    public static EventPass Run(ICaseStore store, EventFindings notes, IReadOnlySet<string> chainEventIds, int maxTable, CancellationToken cancellation)
    {
        var pass = new EventPass();
        var needIds = !notes.IsEmpty || chainEventIds.Count > 0;
        var matchedRoom = Math.Max(0, maxTable - chainEventIds.Count);
        var matchedListed = 0;
        var n = 0;
        foreach (var e in notes.Join(store.Events()))
        {
            if ((++n & 0xFFFF) == 0) cancellation.ThrowIfCancellationRequested();
            if (e.Ticks is { } t && (e.TimeQuality & (TimeQuality.FileMtime | TimeQuality.OrderOnly)) == 0)
            {
                var minute = t / TimeSpan.TicksPerMinute;
                var key = (minute, e.Parser);
                pass.Activity[key] = pass.Activity.GetValueOrDefault(key) + 1;
                if (Digest.FailedLogins.SourceOf(e) is { } source)
                {
                    var fk = (minute, source);
                    pass.FailedLogins[fk] = pass.FailedLogins.GetValueOrDefault(fk) + 1;
                }
            }
            else pass.NotActivity++;
            if (!needIds) continue;
            var id = e.Id;
            var rules = notes.RulesOf(id);
            if (rules.Count > 0) pass.HitsByHost[e.Host] = pass.HitsByHost.GetValueOrDefault(e.Host) + rules.Count;
            var inChain = chainEventIds.Contains(id);
            if (!inChain && rules.Count == 0) continue;
            pass.TableCandidates++;
            if (inChain ? pass.Table.Count < maxTable : matchedListed < matchedRoom && pass.Table.Count < maxTable)
            {
                if (!inChain) matchedListed++;
                var phase = notes.PhaseOf(id);
                pass.Table.Add(new TableEvent(e, rules, phase, inChain));
            }
        }
        return pass;
    }
}
