using System.Globalization;
using System.Text.RegularExpressions;

namespace Timeline.Query.Evaluation;

/// <summary>
/// A time written in a query, with the precision it was written in: <c>2024-03-02</c> is that whole
/// day, <c>2024-03-02T03</c> that hour, <c>2024-03-02T03:15</c> that minute, <c>…:02</c> that second,
/// a fraction that tick. UTC unless an offset (<c>Z</c>, <c>+02:00</c>) is given. The span is the
/// half-open tick range [<see cref="Start"/>, <see cref="End"/>).
/// </summary>
public readonly record struct TimeValue(long Start, long End)
{
    private static readonly Regex Shape = new(
        @"^(?<y>\d{4})(?:-(?<mo>\d{2})(?:-(?<d>\d{2})(?:[T ](?<h>\d{2})(?::(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,7}))?)?)?)?)?)?(?<z>Z|[+-]\d{2}(?::?\d{2})?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static bool TryParse(string text, out TimeValue value)
    {
        value = default;
        var m = Shape.Match(text.Trim());
        if (!m.Success) return false;
        int Part(string name, int fallback) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Success && !m.Groups["z"].Value.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            var z = m.Groups["z"].Value.Replace(":", "", StringComparison.Ordinal);
            var sign = z[0] == '-' ? -1 : 1;
            var hours = int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = z.Length >= 5 ? int.Parse(z.AsSpan(3, 2), CultureInfo.InvariantCulture) : 0;
            offset = TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
        }
        try
        {
            var fraction = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
            var start = new DateTimeOffset(Part("y", 1), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset).AddTicks(fraction);
            var end = m.Groups["f"].Success ? start.AddTicks(1)
                : m.Groups["s"].Success ? start.AddSeconds(1)
                : m.Groups["mi"].Success ? start.AddMinutes(1)
                : m.Groups["h"].Success ? start.AddHours(1)
                : m.Groups["d"].Success ? start.AddDays(1)
                : m.Groups["mo"].Success ? start.AddMonths(1)
                : start.AddYears(1);
            value = new TimeValue(start.UtcTicks, end.UtcTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
