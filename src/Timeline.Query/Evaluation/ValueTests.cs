using System.Globalization;
using Timeline.Query.Syntax;

namespace Timeline.Query.Evaluation;

/// <summary>Turns a term's value or a range into a test on one string value.</summary>
public static class ValueTests
{
    public static Func<string, bool> For(TermValue value, string query, int position) => value.Kind switch
    {
        TermKind.Word or TermKind.Phrase => v => TextMatch.Contains(v, value.Text),
        // A glob matches at word boundaries too: web* matches "web01", /usr/bin/*xmr* matches "/usr/bin/xmrig".
        TermKind.Wildcard => SafeRegex.Create(@"(?:^|[^\p{L}\p{N}])" + value.Glob + @"(?:$|[^\p{L}\p{N}])", query, position),
        TermKind.Regex => SafeRegex.Create(value.Text, query, position),
        _ => v => v.Length > 0,
    };

    /// <summary>Numeric when every given bound is a number (values that are not numbers never match); otherwise case-insensitive text order.</summary>
    public static Func<string, bool> ForRange(RangeNode range)
    {
        if ((range.Lower is null || IsNumber(range.Lower, out _)) && (range.Upper is null || IsNumber(range.Upper, out _)))
        {
            double? lo = range.Lower is { } l && IsNumber(l, out var ld) ? ld : null;
            double? hi = range.Upper is { } u && IsNumber(u, out var ud) ? ud : null;
            return v => IsNumber(v, out var d)
                && (lo is not { } a || (range.LowerInclusive ? d >= a : d > a))
                && (hi is not { } b || (range.UpperInclusive ? d <= b : d < b));
        }
        return v =>
        {
            if (range.Lower is { } a)
            {
                var c = string.Compare(v, a, StringComparison.OrdinalIgnoreCase);
                if (range.LowerInclusive ? c < 0 : c <= 0) return false;
            }
            if (range.Upper is { } b)
            {
                var c = string.Compare(v, b, StringComparison.OrdinalIgnoreCase);
                if (range.UpperInclusive ? c > 0 : c >= 0) return false;
            }
            return true;
        };
    }

    private static bool IsNumber(string s, out double d) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
}
