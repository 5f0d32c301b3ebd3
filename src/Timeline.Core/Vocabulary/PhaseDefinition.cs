using Timeline.Core.Findings;

namespace Timeline.Core.Vocabulary;

/// <summary>
/// Everything the outputs say about one <see cref="AttackPhase"/>: its public name (JSON, query,
/// Markdown, CSS class), the plain title a non-analyst reads, the colour of every chart and legend,
/// and one sentence describing it. Listed once in <see cref="PhaseTable"/>.
/// </summary>
public sealed record PhaseDefinition(AttackPhase Phase, string Name, string Title, string Colour, string Description);
