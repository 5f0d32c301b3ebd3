using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>
/// One source's analytic: reads an event of its parser, updates the host's tallies and returns the
/// signal it raised (or null). Adding a source = one new class listed in <see cref="EventAnalytics"/>.
/// </summary>
public interface IEventAnalytic
{
    bool Handles(string parser);
    Signal? Observe(EventRecord e, HostEvidence host);
}
