using ScottPlot;
using Timeline.Core.Findings;

namespace Timeline.Report.Charts;

/// <summary>One color per attack phase, the same in every chart and in the page's legend.</summary>
internal static class PhaseColors
{
    public static string Hex(AttackPhase phase) => phase switch
    {
        AttackPhase.Entry => "#d62728",
        AttackPhase.Execution => "#ff7f0e",
        AttackPhase.Persistence => "#9467bd",
        AttackPhase.Privilege => "#8c564b",
        AttackPhase.Evasion => "#7f7f7f",
        AttackPhase.Lateral => "#17becf",
        AttackPhase.Mining => "#2ca02c",
        AttackPhase.Impact => "#e377c2",
        _ => "#000000",
    };

    public static Color Of(AttackPhase phase) => Color.FromHex(Hex(phase));
}
