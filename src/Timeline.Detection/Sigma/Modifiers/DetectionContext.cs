using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>What modifiers may consult while a rule compiles: placeholder values, diagnostics, and a warning sink.</summary>
public sealed class DetectionContext(IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders, MatchDiagnostics diagnostics)
{
    private readonly List<string> _warnings = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } = placeholders;
    public MatchDiagnostics Diagnostics { get; } = diagnostics;
    public IReadOnlyList<string> Warnings => _warnings;
    public void Warn(string message) => _warnings.Add(message);
}
