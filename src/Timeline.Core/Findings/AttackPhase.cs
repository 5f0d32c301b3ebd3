namespace Timeline.Core.Findings;

/// <summary>
/// The stages of a miner intrusion, in the order a responder tells the story. The public spelling
/// (JSON, query, report) is the lower-case name: <c>entry</c>, <c>execution</c>, ….
/// </summary>
public enum AttackPhase
{
    Entry,
    Execution,
    Persistence,
    Privilege,
    Evasion,
    Lateral,
    Mining,
    Impact,
}
