using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// What one analytic concluded about one event: a kind (<c>miner-run</c>, <c>download-exec</c>, …),
/// the phase it belongs to, why (in words a responder can check), how sure, and whether it is
/// <see cref="Strong"/> — attacker evidence on its own — or needs context (a session of the
/// attacker, the incident window, a shared artifact) before it joins a chain.
/// </summary>
public sealed record Finding(string Kind, AttackPhase Phase, string Why, double Confidence, bool Strong);
