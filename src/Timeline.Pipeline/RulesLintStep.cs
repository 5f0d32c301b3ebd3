using Timeline.Detection.Sigma;

namespace Timeline.Pipeline;

/// <summary>
/// <c>timeline rules lint</c>: loads rule folders or files the way a hunt does and returns what
/// loaded, what failed (file, line, reason, feature) and the unsupported features — no case involved.
/// </summary>
public static class RulesLintStep
{
    public static RuleSet Run(IReadOnlyList<string> paths) => RuleLoader.Load(paths);
}
