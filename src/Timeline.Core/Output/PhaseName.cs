using Timeline.Core.Findings;

namespace Timeline.Core.Output;

/// <summary>The public spelling of <see cref="AttackPhase"/> (lower case, as in the chain JSON) and the words a non-analyst reads.</summary>
public static class PhaseName
{
    public static string Of(AttackPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>A plain-language title for the phase, for the story.</summary>
    public static string Plain(AttackPhase phase) => phase switch
    {
        AttackPhase.Entry => "Break-in",
        AttackPhase.Execution => "Attacker ran commands",
        AttackPhase.Persistence => "Left a way back in",
        AttackPhase.Privilege => "Gained more rights",
        AttackPhase.Evasion => "Covered tracks",
        AttackPhase.Lateral => "Moved to another machine",
        AttackPhase.Mining => "Crypto-mining",
        AttackPhase.Impact => "Damage",
        _ => Of(phase),
    };
}
