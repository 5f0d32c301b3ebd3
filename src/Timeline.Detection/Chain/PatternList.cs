using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// One named list of patterns from <c>sigma/commands/*.yml</c> (command lines) or <c>sigma/patterns/*.yml</c> (paths, log lines). The list matches when any
/// of its values matches; a value made of several parts matches when all of them do.
/// </summary>
public sealed class PatternList
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _values;
    private readonly IReadOnlyList<Regex> _regexes;

    public PatternList(string name, PatternCompare compare, IReadOnlyList<IReadOnlyList<string>> values, string source)
    {
        Name = name;
        Compare = compare;
        Source = source;
        _values = values;
        _regexes = compare switch
        {
            // Same engines and options as the code these lists replaced.
            PatternCompare.Regex => [.. values.SelectMany(v => v).Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))],
            PatternCompare.LowerRegex => [.. values.SelectMany(v => v).Select(p => new Regex(p))],
            // Log lines are attacker-controlled and many: linear time, no timeout needed.
            PatternCompare.LinearRegex => [.. values.SelectMany(v => v).Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))],
            _ => [],
        };
    }

    public string Name { get; }
    public PatternCompare Compare { get; }
    public string Source { get; }
    public IReadOnlyList<IReadOnlyList<string>> Values => _values;

    /// <summary>True when every regex of the list defines all the named groups (the code reads them).</summary>
    public bool CapturesAll(IEnumerable<string> groups) => _regexes.Count > 0 && _regexes.All(r => groups.All(g => r.GroupNumberFromName(g) >= 0));

    /// <summary>Matches a path or a log line (not a command): the <c>first-word</c> modes parse it as a command.</summary>
    public bool Matches(string text) => Matches(Compare switch
    {
        PatternCompare.FirstWord or PatternCompare.FirstWordPrefix => CommandText.Of(text),
        PatternCompare.LowerContains or PatternCompare.LowerStartsWith or PatternCompare.LowerRegex => new CommandText(text, text.ToLowerInvariant(), [], []),
        _ => new CommandText(text, text, [], []),
    });

    /// <summary>The first regex match in the text (regex lists only), for the values its groups capture.</summary>
    public Match? FirstMatch(string text)
    {
        foreach (var r in _regexes)
            if (r.Match(Compare == PatternCompare.LowerRegex ? text.ToLowerInvariant() : text) is { Success: true } m) return m;
        return null;
    }

    public bool Matches(CommandText text) => Compare switch
    {
        PatternCompare.Regex or PatternCompare.LinearRegex => _regexes.Any(r => r.IsMatch(text.Original)),
        PatternCompare.LowerRegex => _regexes.Any(r => r.IsMatch(text.Lower)),
        _ => _values.Any(all => all.All(part => MatchesOne(text, part))),
    };

    private bool MatchesOne(CommandText text, string value) => Compare switch
    {
        PatternCompare.Contains => text.Original.Contains(value, StringComparison.Ordinal),
        PatternCompare.ContainsIgnoreCase => text.Original.Contains(value, StringComparison.OrdinalIgnoreCase),
        PatternCompare.LowerContains => text.Lower.Contains(value, StringComparison.Ordinal),
        // Culture-sensitive like the original `lower.StartsWith("wget")`.
#pragma warning disable CA1310
        PatternCompare.LowerStartsWith => text.Lower.StartsWith(value),
#pragma warning restore CA1310
        PatternCompare.Exact => text.Original.Equals(value, StringComparison.Ordinal),
        PatternCompare.StartsWith => text.Original.StartsWith(value, StringComparison.Ordinal),
        PatternCompare.FirstWord => text.FirstWords.Contains(value, StringComparer.Ordinal),
        PatternCompare.FirstWordPrefix => text.FirstWords.Any(w => w.StartsWith(value, StringComparison.Ordinal)),
        _ => false,
    };
}
