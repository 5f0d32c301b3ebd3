using Timeline.Detection.Sigma.Correlations;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>
/// The result of <see cref="RuleLoader"/>: compiled rules, correlations, and every file or document that
/// failed, with line and reason. Nothing is skipped silently.
/// </summary>
public sealed class RuleSet
{
    public required IReadOnlyList<SigmaRule> Rules { get; init; }
    public required IReadOnlyList<CorrelationRule> Correlations { get; init; }
    public required IReadOnlyList<RuleLoadError> Errors { get; init; }
    /// <summary>Non-fatal notes, e.g. placeholders without configured values.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>Rule files read (each .yml/.yaml counts once).</summary>
    public required int FilesTotal { get; init; }
    /// <summary>Files with at least one failed document.</summary>
    public int FilesFailed => Errors.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count();
    public int FilesLoaded => FilesTotal - FilesFailed;
    public required MatchDiagnostics Diagnostics { get; init; }

    /// <summary>Failures counted by <see cref="RuleLoadError.Feature"/>.</summary>
    public IReadOnlyDictionary<string, int> UnsupportedByFeature =>
        Errors.GroupBy(e => e.Feature, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Share of files that loaded completely (1.0 for an empty set).</summary>
    public double LoadRatio => FilesTotal == 0 ? 1.0 : (double)FilesLoaded / FilesTotal;
}
