using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Timeline.Core.Limits;

namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// Problems met while matching that are not worth stopping for, and the regex cost bounds. One
/// instance belongs to a <see cref="RuleSet"/> (one hunt); the engine exposes it so callers can warn.
/// Regexes the non-backtracking engine accepts run in linear time. The others (lookarounds,
/// backreferences) are bounded three ways: a timeout per evaluation (<see cref="RegexTimeout"/>, a
/// timeout counts as no match), a number of timeouts after which a pattern is switched off for the
/// rest of the hunt (<see cref="TimeoutsPerPattern"/>), and a total time for all of them in the hunt
/// (<see cref="HuntBudget"/>). Every timeout and every skipped evaluation is counted, by pattern.
/// </summary>
public sealed class MatchDiagnostics
{
    private readonly ConcurrentDictionary<string, int> _timeouts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _switchedOff = new(StringComparer.Ordinal);
    private long _count;
    private long _skipped;
    private long _spentTicks;
    private int _compiled;

    public MatchDiagnostics(TimeSpan? regexTimeout = null, int? timeoutsPerPattern = null, TimeSpan? huntBudget = null)
    {
        RegexTimeout = regexTimeout ?? Bounds.RegexPerEvent;
        TimeoutsPerPattern = timeoutsPerPattern ?? Bounds.RegexTimeoutsPerPattern;
        HuntBudget = huntBudget ?? Bounds.RegexPerHunt;
    }

    /// <summary>Match timeout for regexes that need the backtracking engine.</summary>
    public TimeSpan RegexTimeout { get; }

    /// <summary>Timeouts after which one pattern is not evaluated any more in this hunt.</summary>
    public int TimeoutsPerPattern { get; }

    /// <summary>Total time backtracking regexes may take in this hunt.</summary>
    public TimeSpan HuntBudget { get; }

    public long RegexTimeouts => Interlocked.Read(ref _count);

    /// <summary>Timeouts by regex pattern.</summary>
    public IReadOnlyDictionary<string, int> RegexTimeoutsByPattern => _timeouts;

    /// <summary>Evaluations not run (counted as no match) because their pattern was switched off or the hunt's budget was spent.</summary>
    public long RegexSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Patterns switched off after <see cref="TimeoutsPerPattern"/> timeouts, with their timeouts.</summary>
    public IReadOnlyDictionary<string, int> SwitchedOffPatterns => _switchedOff;

    /// <summary>Time spent in backtracking regexes so far.</summary>
    public TimeSpan BacktrackingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _spentTicks));

    /// <summary>True once backtracking regexes have spent <see cref="HuntBudget"/>: every later evaluation is skipped.</summary>
    public bool BudgetSpent => BacktrackingTime >= HuntBudget;

    /// <summary>Regexes compiled for the loaded rules (bounded by <see cref="Bounds.RegexesPerRuleSet"/>).</summary>
    public int CompiledRegexes => Volatile.Read(ref _compiled);

    internal void CountCompiled() => Interlocked.Increment(ref _compiled);

    internal void CountRegexTimeout(string pattern)
    {
        Interlocked.Increment(ref _count);
        _timeouts.AddOrUpdate(pattern, 1, (_, n) => n + 1);
    }

    internal void CountSwitchedOff(string pattern, int timeouts) => _switchedOff[pattern] = timeouts;

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddBacktrackingTime(long stopwatchTicks) => Interlocked.Add(ref _spentTicks, stopwatchTicks);

    /// <summary>
    /// What the hunt should print and report about regex cost, one sentence per line (empty when
    /// nothing happened). Patterns come from rules: callers escape them for their output.
    /// </summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        if (RegexTimeouts > 0)
        {
            var worst = _timeouts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5)
                .Select(p => string.Format(inv, "/{0}/ ×{1:N0}", p.Key.Length > 80 ? p.Key[..80] + "…" : p.Key, p.Value));
            lines.Add(string.Format(inv, "{0:N0} regex evaluation(s) timed out after {1:N0} ms and counted as no match: {2}",
                RegexTimeouts, RegexTimeout.TotalMilliseconds, string.Join(", ", worst)));
        }
        if (!_switchedOff.IsEmpty)
            lines.Add(string.Format(inv, "{0:N0} regex pattern(s) switched off for the rest of the hunt after {1:N0} timeouts each", _switchedOff.Count, TimeoutsPerPattern));
        if (BudgetSpent)
            lines.Add(string.Format(inv, "backtracking regexes used the hunt's budget of {0:N0} s; later evaluations were skipped", HuntBudget.TotalSeconds));
        if (RegexSkipped > 0)
            lines.Add(string.Format(inv, "{0:N0} regex evaluation(s) skipped (counted as no match): rules using those patterns may have missed events", RegexSkipped));
        return lines;
    }
}
