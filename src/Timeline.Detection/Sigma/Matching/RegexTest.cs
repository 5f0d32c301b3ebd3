using System.Text.RegularExpressions;

namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// <c>re</c>: a .NET regex searched anywhere in the value (Sigma's PCRE subset is a subset of .NET's).
/// Built with <see cref="RegexOptions.NonBacktracking"/> when the pattern allows it (linear time);
/// otherwise with a match timeout, and a timeout counts as no match and is reported in <see cref="MatchDiagnostics"/>.
/// </summary>
public sealed class RegexTest : IValueTest
{
    private readonly Regex _regex;
    private readonly MatchDiagnostics _diagnostics;

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
            return new RegexTest(new Regex(pattern, options | RegexOptions.NonBacktracking, diagnostics.RegexTimeout), diagnostics);
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
            return new RegexTest(new Regex(pattern, options, diagnostics.RegexTimeout), diagnostics);
        }
        catch (ArgumentException ex)
        {
            throw new RuleLoadException(line, $"invalid regular expression '{pattern}': {ex.Message}", "regex");
        }
    }

    public bool Test(string? value, IFieldSource source)
    {
        if (value is null) return false;
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            _diagnostics.CountRegexTimeout(_regex.ToString());
            return false;
        }
    }
}
