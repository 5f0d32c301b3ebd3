using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>Settings for <see cref="RuleLoader"/>.</summary>
public sealed class RuleLoadOptions
{
    /// <summary>Values for <c>|expand</c> placeholders, by name without percent signs (e.g. <c>Administrators</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Timeout for regexes that cannot use the non-backtracking engine (default 100 ms).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    internal MatchDiagnostics NewDiagnostics() => new(RegexTimeout);
}
