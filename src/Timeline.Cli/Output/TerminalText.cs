using Timeline.Core.Output;

namespace Timeline.Cli.Output;

/// <summary>
/// Makes attacker-controlled text safe for a terminal: control characters (ANSI escape sequences,
/// carriage returns, backspaces), C1 controls and bidirectional overrides (which can make a
/// command read backwards) are shown as <c>\u{XXXX}</c> instead of being interpreted.
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text) => VisibleText.Show(text);

    /// <summary>Safe and cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Cut(string? text, int max)
    {
        var safe = Safe(text);
        return safe.Length <= max ? safe : string.Concat(safe.AsSpan(0, Math.Max(0, max - 1)), "…");
    }
}
