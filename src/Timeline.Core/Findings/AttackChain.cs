using Timeline.Core.Events;

namespace Timeline.Core.Findings;

/// <summary>
/// The reconstructed intrusion on one host: how the attacker got in (with runners-up), the steps
/// in time order, what they left behind (indicators), when mining started, the evidence gaps, links
/// to other hosts and the response plan. Built by the chain builder, stored in the case, read by
/// report and query. Extend only: scripts read its JSON.
/// </summary>
public sealed record AttackChain
{
    public required string Host { get; init; }
    /// <summary>The chosen entry point, or null when nothing explains the first attacker activity.</summary>
    public EntryPoint? Entry { get; init; }
    /// <summary>Other candidates for the entry point, most likely first.</summary>
    public IReadOnlyList<EntryPoint> RunnersUp { get; init; } = [];
    /// <summary>One paragraph for a reader who is not an analyst.</summary>
    public string RootCause { get; init; } = "";
    public IReadOnlyList<AttackStep> Steps { get; init; } = [];
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public IReadOnlyList<ResponseAction> Response { get; init; } = [];
    public IReadOnlyList<EvidenceGap> Gaps { get; init; } = [];
    public IReadOnlyList<LateralLink> Lateral { get; init; } = [];
    /// <summary>First evidence of mining on this host (UTC ticks), if any.</summary>
    public long? MiningStartTicks { get; init; }
    /// <summary>Overall confidence in the chain, 0..1.</summary>
    public double Confidence { get; init; }
    /// <summary>What was running at collection (live-state evidence: ps, ss, lsof…), or null when the host has none.</summary>
    public LiveState? LiveState { get; init; }
}

/// <summary>A candidate entry point: what happened, why the tool believes it, how sure it is.</summary>
public sealed record EntryPoint(
    string Kind,          // e.g. ssh-bruteforce-success, new-key, new-source, exploited-service, rdp-bruteforce-success
    string Summary,
    string Why,
    double Confidence,
    string? EventId,
    long? Ticks,
    string? SourceIp = null,
    string? User = null);

/// <summary>One step of the chain, pointing at the event that proves it.</summary>
public sealed record AttackStep(
    AttackPhase Phase,
    long? Ticks,
    TimeQuality TimeQuality,
    string EventId,
    string Summary,
    string Why,
    IReadOnlyList<string> RuleIds,
    double Confidence,
    Origin Origin)
{
    /// <summary>
    /// ATT&amp;CK technique ids (<c>T1053.003</c>) the step stands for: those of the analytic that flagged
    /// it and those tagged on the rules that matched its event. Data, never parsed back out of <see cref="Why"/>.
    /// </summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];
}

/// <summary>An indicator of compromise: type (ip, url, domain, pool, wallet, path, user, ssh-key, cron, service, task, …), value, role and the events it was seen in.</summary>
public sealed record Indicator(string Type, string Value, string Role, IReadOnlyList<string> EventIds);

/// <summary>One line of the response plan, in the order responders follow; cites its evidence.</summary>
public sealed record ResponseAction(int Order, string Category, string Action, string? Target, IReadOnlyList<string> EvidenceEventIds);

/// <summary>Missing or destroyed evidence: history cleared, logs cleared or truncated, time gaps, sessions without history.</summary>
public sealed record EvidenceGap(string Kind, string Summary, long? FromTicks, long? ToTicks, string? EventId);

/// <summary>Movement between hosts, with the events on both sides.</summary>
public sealed record LateralLink(string FromHost, string ToHost, string Evidence, string? FromEventId, string? ToEventId, long? Ticks);
