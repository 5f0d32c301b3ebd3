using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// One entry of <c>sigma/indicators/*.yml</c>: what to look for, how to match it, what it means and
/// where the knowledge comes from (<see cref="Source"/> is required).
/// </summary>
public sealed record IndicatorEntry(
    string Kind,
    string Value,
    string Source,
    string File,
    long Line,
    string Match = "exact",
    AttackPhase? Phase = null,
    string Strength = "strong",
    string? Note = null);
