using System.Globalization;

namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// The time part of a crontab entry, validated the way cron reads it (crontab(5)).
/// Five fields, each a comma list of <c>*</c>, <c>n</c> or <c>n-m</c>, each optionally <c>/step</c>:
/// <code>*/30 1-5,22 * jan-mar mon-fri</code>
/// or one nickname: <code>@reboot</code> (also <c>@yearly @annually @monthly @weekly @daily @midnight @hourly</c>).
/// Month and weekday fields also take three-letter English names; cronie adds <c>a~b</c> (random in range).
/// </summary>
public static class CronSchedule
{
    public const int FieldCount = 5;

    private static readonly string[] Nicknames = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("minute", 0, 59, []),
        ("hour", 0, 23, []),
        ("day of month", 1, 31, []),
        ("month", 1, 12, Months),
        ("day of week", 0, 7, Weekdays),
    ];

    public static bool IsNickname(string token) => Nicknames.Contains(token, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Checks field <paramref name="index"/> (0 = minute .. 4 = day of week). On failure
    /// <paramref name="problem"/> says what is wrong in cron's own words: <c>bad minute</c>.
    /// </summary>
    public static bool IsValidField(int index, string token, out string problem)
    {
        var field = Fields[index];
        problem = "";
        foreach (var item in token.Split(','))
        {
            if (!IsValidItem(item, field.Min, field.Max, field.Names))
            {
                problem = $"bad {field.Name} '{(token.Length <= 40 ? token : string.Concat(token.AsSpan(0, 40), "…"))}'";
                return false;
            }
        }
        return true;
    }

    private static bool IsValidItem(string item, int min, int max, string[] names)
    {
        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0 && !(int.TryParse(item.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0 && step <= max + 1))
            return false;
        if (range == "*") return true;
        var separator = range.IndexOfAny(['-', '~']);
        if (separator < 0) return IsValue(range, min, max, names);
        // cronie's random range may leave either end open: "~", "0~", "~30".
        if (range[separator] == '~')
            return (separator == 0 || IsValue(range[..separator], min, max, names))
                && (separator == range.Length - 1 || IsValue(range[(separator + 1)..], min, max, names));
        return IsValue(range[..separator], min, max, names) && IsValue(range[(separator + 1)..], min, max, names);
    }

    private static bool IsValue(string text, int min, int max, string[] names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n >= min && n <= max;
        return names.Contains(text, StringComparer.OrdinalIgnoreCase);
    }
}
