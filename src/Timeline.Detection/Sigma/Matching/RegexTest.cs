using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// <c>re</c>: a .NET regex searched anywhere in the value (Sigma's PCRE subset is a subset of .NET's).
/// Built with <see cref="RegexOptions.NonBacktracking"/> when the pattern allows it (linear time);
/// otherwise with a match timeout, and a timeout counts as no match and is reported in <see cref="MatchDiagnostics"/>.
/// A backtracking pattern that keeps timing out is switched off for the rest of the hunt, and all of
/// them stop when the hunt's budget for them is spent (<see cref="MatchDiagnostics"/>); skipped
/// evaluations are counted too.
/// </summary>
public sealed class RegexTest : IValueTest
{
    private readonly Regex _regex;
    private readonly MatchDiagnostics _diagnostics;
    private int _timeouts;
    private volatile bool _switchedOff;

    private RegexTest(Regex regex, MatchDiagnostics diagnostics)
    {
        _regex = regex;
        _diagnostics = diagnostics;
    }

    public string? RequiredLiteral => null;

    public bool NonBacktracking => (_regex.Options & RegexOptions.NonBacktracking) != 0;

    public static RegexTest Create(string pattern, RegexOptions flags, MatchDiagnostics diagnostics, int line)
    {
        var options = flags | RegexOptions.CultureInvariant;
        try
        {
            var linear = new RegexTest(new Regex(pattern, options | RegexOptions.NonBacktracking, diagnostics.RegexTimeout), diagnostics);
            diagnostics.CountCompiled();
            return linear;
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups: fall back to the backtracking engine with a timeout.
        }
        catch (ArgumentException ex)
        {
            throw new RuleLoadException(line, $"invalid regular expression '{pattern}': {ex.Message}", "regex");
        }
        try
        {
            var backtracking = new RegexTest(new Regex(pattern, options, diagnostics.RegexTimeout), diagnostics);
            diagnostics.CountCompiled();
            return backtracking;
        }
        catch (ArgumentException ex)
        {
            throw new RuleLoadException(line, $"invalid regular expression '{pattern}': {ex.Message}", "regex");
        }
    }

    public bool Test(string? value, IFieldSource source)
    {
        if (value is null) return false;
        // Linear-time patterns are not bounded further; only backtracking ones count against the budgets.
        var linear = NonBacktracking;
        if (!linear && (_switchedOff || _diagnostics.BudgetSpent))
        {
            _diagnostics.CountSkipped();
            return false;
        }
        var start = linear ? 0 : Stopwatch.GetTimestamp();
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            var pattern = _regex.ToString();
            _diagnostics.CountRegexTimeout(pattern);
            var timeouts = Interlocked.Increment(ref _timeouts);
            if (timeouts >= _diagnostics.TimeoutsPerPattern && !_switchedOff)
            {
                _switchedOff = true;
                _diagnostics.CountSwitchedOff(pattern, timeouts);
            }
            return false;
        }
        finally
        {
            if (!linear) _diagnostics.AddBacktrackingTime(Stopwatch.GetTimestamp() - start);
        }
    }
}
