using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// One named list of command-line patterns from <c>sigma/commands/*.yml</c>. The list matches when any
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
            _ => [],
        };
    }

    public string Name { get; }
    public PatternCompare Compare { get; }
    public string Source { get; }
    public IReadOnlyList<IReadOnlyList<string>> Values => _values;

    public bool Matches(CommandText text) => Compare switch
    {
        PatternCompare.Regex => _regexes.Any(r => r.IsMatch(text.Original)),
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
        PatternCompare.FirstWord => text.FirstWords.Contains(value, StringComparer.Ordinal),
        PatternCompare.FirstWordPrefix => text.FirstWords.Any(w => w.StartsWith(value, StringComparison.Ordinal)),
        _ => false,
    };
}
