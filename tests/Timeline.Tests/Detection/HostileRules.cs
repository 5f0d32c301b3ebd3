using System.Text;

namespace Timeline.Tests.Detection;

/// <summary>
/// Rule files built to hurt the loader (issue 11, item 4). Generated here rather than committed: some
/// are megabytes. Each is a complete Sigma rule apart from its weapon, so only the bound can reject it.
/// </summary>
internal static class HostileRules
{
    private const string Head = "title: hostile\nid: 22222222-2222-4222-8222-222222222222\nlogsource: {product: test}\n";

    /// <summary>"Billion laughs": nine levels of nine aliases each, 9^9 (387 million) values once expanded.</summary>
    public static string AliasBomb()
    {
        var sb = new StringBuilder(Head).Append("x0: &a0 [\"lol\"]\n");
        for (var i = 1; i <= 9; i++)
            sb.Append($"x{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        return sb.Append("detection:\n  sel:\n    CommandLine: *a9\n  condition: sel\n").ToString();
    }

    /// <summary>A value nested <paramref name="depth"/> flow sequences deep.</summary>
    public static string DeepYaml(int depth) =>
        Head + "detection:\n  sel:\n    CommandLine: " + new string('[', depth) + "x" + new string(']', depth) + "\n  condition: sel\n";

    /// <summary>A condition with <paramref name="depth"/> nested parentheses.</summary>
    public static string DeepCondition(int depth) =>
        Head + "detection:\n  sel:\n    CommandLine: x\n  condition: " + new string('(', depth) + "sel" + new string(')', depth) + "\n";

    /// <summary>A condition of <paramref name="count"/> repeated <c>not</c>.</summary>
    public static string ManyNots(int count) =>
        Head + "detection:\n  sel:\n    CommandLine: x\n  condition: " + string.Concat(Enumerable.Repeat("not ", count)) + "sel\n";

    /// <summary>One selection with <paramref name="count"/> values under <paramref name="modifier"/>.</summary>
    public static string ManyValues(int count, string modifier = "contains")
    {
        var sb = new StringBuilder(Head).Append($"detection:\n  sel:\n    CommandLine|{modifier}:\n");
        for (var i = 0; i < count; i++) sb.Append($"      - 'v{i}x'\n");
        return sb.Append("  condition: sel\n").ToString();
    }

    /// <summary>A valid rule padded with a comment to <paramref name="bytes"/>.</summary>
    public static string Padded(int bytes)
    {
        var rule = Head + "detection:\n  sel:\n    CommandLine: x\n  condition: sel\n";
        return rule + "# " + new string('p', Math.Max(0, bytes - rule.Length - 3)) + "\n";
    }

    /// <summary>Every hostile file by name, for a rule folder.</summary>
    public static IReadOnlyDictionary<string, string> Folder() => new Dictionary<string, string>
    {
        ["alias-bomb.yml"] = AliasBomb(),
        ["deep-yaml.yml"] = DeepYaml(100_000),
        ["deep-condition.yml"] = DeepCondition(100_000),
        ["many-nots.yml"] = ManyNots(100_000),
        ["many-values.yml"] = ManyValues(30_000),
        ["many-regexes.yml"] = ManyValues(1_000, "re"),
        ["huge.yml"] = Padded(5 * 1024 * 1024),
    };
}
