namespace Timeline.Detection.Sigma;

/// <summary>One rule file (or document in it) that did not load, with where and why.</summary>
/// <param name="Path">The file as given to the loader.</param>
/// <param name="Line">1-based line of the problem, 0 when unknown.</param>
/// <param name="Reason">Human-readable cause.</param>
/// <param name="Feature">Countable category (<c>yaml</c>, <c>modifier:x</c>, <c>condition</c>, <c>near</c>...).</param>
public sealed record RuleLoadError(string Path, int Line, string Reason, string Feature);
