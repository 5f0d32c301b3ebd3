using System.Text.RegularExpressions;
using Timeline.Core.Limits;
using Timeline.Query.Syntax;

namespace Timeline.Query.Evaluation;

/// <summary>
/// Regular expressions from a query run over attacker-controlled text, so they must not backtrack
/// without bound: they are compiled with <see cref="RegexOptions.NonBacktracking"/> (linear time).
/// A pattern that needs backtracking (lookaround, backreferences) runs with a timeout per value
/// instead (<see cref="Bounds.QueryRegexPerValue"/>), and a timeout is reported as a query error.
/// </summary>
public static class SafeRegex
{
    public static readonly TimeSpan Timeout = Bounds.QueryRegexPerValue;

    public static Func<string, bool> Create(string pattern, string query, int position)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        Regex regex;
        try
        {
            regex = new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            regex = Build(pattern, options, query, position);
        }
        catch (ArgumentException ex)
        {
            throw new QuerySyntaxException($"invalid regular expression: {ex.Message}", query, position, pattern.Length + 2);
        }
        return value =>
        {
            try
            {
                return regex.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                throw new QuerySyntaxException($"the regular expression /{pattern}/ took longer than {Timeout.TotalMilliseconds:0} ms on one value; simplify it", query, position, pattern.Length + 2);
            }
        };
    }

    private static Regex Build(string pattern, RegexOptions options, string query, int position)
    {
        try
        {
            return new Regex(pattern, options, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new QuerySyntaxException($"invalid regular expression: {ex.Message}", query, position, pattern.Length + 2);
        }
    }
}
