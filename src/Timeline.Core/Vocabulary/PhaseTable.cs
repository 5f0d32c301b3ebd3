using Timeline.Core.Findings;

namespace Timeline.Core.Vocabulary;

/// <summary>
/// The one table of attack phases, in the order a responder tells the story. Which Sigma tags lead to
/// a phase is data in <c>sigma/phases.yml</c>; a convention test checks that every phase has a row here
/// and a mapping there. Colours are the Tableau 10 palette (matplotlib's default cycle), chosen so the
/// entry (red) and mining (green) phases stand out.
/// </summary>
public static class PhaseTable
{
    public static readonly IReadOnlyList<PhaseDefinition> All =
    [
        new(AttackPhase.Entry, "entry", "Break-in", "#d62728", "How the attacker first got in: a guessed or stolen login, a planted key, an exploited service."),
        new(AttackPhase.Execution, "execution", "Attacker ran commands", "#ff7f0e", "Commands the attacker ran by hand or by script: downloads, reconnaissance, staging."),
        new(AttackPhase.Persistence, "persistence", "Left a way back in", "#9467bd", "What lets the attacker or the miner come back: cron jobs, keys, services, boot scripts."),
        new(AttackPhase.Privilege, "privilege", "Gained more rights", "#8c564b", "New accounts, changed passwords, sudo rights or other privilege gains."),
        new(AttackPhase.Evasion, "evasion", "Covered tracks", "#7f7f7f", "Cleared history or logs, disabled security controls, hid or protected files."),
        new(AttackPhase.Lateral, "lateral", "Moved to another machine", "#17becf", "Movement from this host to others, or from others to this one."),
        new(AttackPhase.Mining, "mining", "Crypto-mining", "#2ca02c", "The miner itself: its binary, options, pools and wallets."),
        new(AttackPhase.Impact, "impact", "Damage", "#e377c2", "Lasting harm beyond mining: deleted data, exfiltration, disabled services."),
    ];

    private static readonly Dictionary<AttackPhase, PhaseDefinition> ByPhase = All.ToDictionary(d => d.Phase);
    private static readonly Dictionary<string, PhaseDefinition> ByName = All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The row of a phase; a phase without a row is a programming error the convention tests catch.</summary>
    public static PhaseDefinition Of(AttackPhase phase) =>
        ByPhase.TryGetValue(phase, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(phase), phase, "no row in PhaseTable");

    /// <summary>The public (lower-case) name: <c>entry</c>, <c>execution</c>, ….</summary>
    public static string Name(AttackPhase phase) => Of(phase).Name;

    /// <summary>The phase with a public name (case-insensitive), or null.</summary>
    public static AttackPhase? Parse(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var d) ? d.Phase : null;
}
