using Timeline.Core.Limits;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>Settings for <see cref="RuleLoader"/>.</summary>
public sealed class RuleLoadOptions
{
    /// <summary>Values for <c>|expand</c> placeholders, by name without percent signs (e.g. <c>Administrators</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Timeout for regexes that cannot use the non-backtracking engine (default <see cref="Bounds.RegexPerEvent"/>).</summary>
    public TimeSpan RegexTimeout { get; init; } = Bounds.RegexPerEvent;

    /// <summary>Timeouts after which a backtracking pattern is switched off for the hunt (default <see cref="Bounds.RegexTimeoutsPerPattern"/>).</summary>
    public int RegexTimeoutsPerPattern { get; init; } = Bounds.RegexTimeoutsPerPattern;

    /// <summary>Total time backtracking regexes may take in one hunt (default <see cref="Bounds.RegexPerHunt"/>).</summary>
    public TimeSpan RegexHuntBudget { get; init; } = Bounds.RegexPerHunt;

    internal MatchDiagnostics NewDiagnostics() => new(RegexTimeout, RegexTimeoutsPerPattern, RegexHuntBudget);
}
