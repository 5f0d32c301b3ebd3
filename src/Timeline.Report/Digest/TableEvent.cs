using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Report.Digest;

/// <summary>An event listed in the report's event table, with what detection and the chains said about it.</summary>
internal sealed record TableEvent(EventRecord Event, IReadOnlyList<RuleMatch> Rules, AttackPhase? Phase, bool InChain);
