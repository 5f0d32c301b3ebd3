using Timeline.Core.Vocabulary;
using ScottPlot;
using Timeline.Core.Findings;

namespace Timeline.Report.Charts;

/// <summary>The <see cref="PhaseTable"/> colour of a phase as a chart colour, the same in every chart and in the page's legend.</summary>
internal static class PhaseColors
{
    public static Color Of(AttackPhase phase) => Color.FromHex(PhaseTable.Of(phase).Colour);
}
