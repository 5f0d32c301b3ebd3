using System.Collections.Concurrent;

namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// Problems met while matching that are not worth stopping for: regex timeouts. One instance belongs
/// to a <see cref="RuleSet"/>; the engine exposes it so callers can warn.
/// </summary>
public sealed class MatchDiagnostics
{
    private readonly ConcurrentDictionary<string, int> _timeouts = new(StringComparer.Ordinal);
    private long _count;

    public MatchDiagnostics(TimeSpan? regexTimeout = null) => RegexTimeout = regexTimeout ?? TimeSpan.FromMilliseconds(100);

    /// <summary>Match timeout for regexes that need the backtracking engine.</summary>
    public TimeSpan RegexTimeout { get; }

    public long RegexTimeouts => Interlocked.Read(ref _count);

    /// <summary>Timeouts by regex pattern.</summary>
    public IReadOnlyDictionary<string, int> RegexTimeoutsByPattern => _timeouts;

    internal void CountRegexTimeout(string pattern)
    {
        Interlocked.Increment(ref _count);
        _timeouts.AddOrUpdate(pattern, 1, (_, n) => n + 1);
    }
}
