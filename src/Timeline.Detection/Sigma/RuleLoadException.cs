namespace Timeline.Detection.Sigma;

/// <summary>A rule cannot be loaded: thrown inside the loader, caught per file and turned into a <see cref="RuleLoadError"/>.</summary>
public sealed class RuleLoadException(int line, string reason, string feature) : Exception(reason)
{
    /// <summary>1-based line in the rule file (0 when unknown).</summary>
    public int Line { get; } = line;
    /// <summary>A short, countable name for what is not supported or broken, e.g. <c>modifier:foo</c>, <c>yaml</c>.</summary>
    public string Feature { get; } = feature;
}
