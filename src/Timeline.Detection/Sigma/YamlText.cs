using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Sigma;

/// <summary>Reading schemaless YAML nodes into plain values, with line numbers for errors.</summary>
internal static class YamlText
{
    public static int Line(YamlNode node) => (int)Math.Min(int.MaxValue, node.Start.Line);

    /// <summary>A scalar's text; null for YAML null (<c>null</c>, <c>~</c>, empty plain) and for non-scalars.</summary>
    public static string? Scalar(YamlNode? node)
    {
        if (node is not YamlScalarNode s) return null;
        if (s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" || string.Equals(s.Value, "null", StringComparison.OrdinalIgnoreCase)))
            return null;
        return s.Value ?? "";
    }

    public static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal)) return v;
        return null;
    }

    public static string? ChildText(YamlMappingNode map, string key) => Scalar(Child(map, key));

    /// <summary>A scalar or a list of scalars as strings (null items dropped).</summary>
    public static List<string> List(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(Scalar).Where(v => v is not null).Select(v => v!).ToList(),
        YamlScalarNode => Scalar(node) is { } v ? [v] : [],
        _ => [],
    };

    public static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : "";

    /// <summary>Parses <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c>, <c>1w</c>.</summary>
    public static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (!long.TryParse(t.AsSpan(0, t.Length - 1), out var n) || n < 0) return null;
        try
        {
            return char.ToLowerInvariant(t[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(checked(7 * n)),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            // Longer than TimeSpan holds (~29,000 years): not a duration (found by afl, issue 11).
            return null;
        }
    }
}
