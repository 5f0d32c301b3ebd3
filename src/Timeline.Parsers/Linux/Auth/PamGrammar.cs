using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// Linux-PAM module messages, whatever program logged them (sshd, sudo, su, CRON, passwd…): the
/// shape is <c>&lt;module&gt;(&lt;service&gt;:&lt;type&gt;): &lt;text&gt;</c> (pam_syslog), plus the older
/// libpam lines that start with <c>PAM </c>. All are <c>linux/auth</c> events.
/// </summary>
public sealed class PamGrammar : ISyslogMessageGrammar
{
    public string Name => "pam";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs => [];
    public IReadOnlyList<string> MessagePrefixes => ["pam_", "PAM "];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = message.TrimEnd(' ');
        if (m.StartsWith("PAM ", StringComparison.Ordinal))
        {
            OldLibpam(m[4..], fields);
            return;
        }
        // pam_authenticate: Authentication failure   (su, util-linux, reporting the PAM call that failed)
        if (m.StartsWith("pam_authenticate: ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Event, AuthEvents.PamAuthFailure);
            fields.Set(FieldNames.Reason, m[18..].ToString());
            return;
        }
        var open = m.IndexOf('(');
        var close = m.IndexOf("): ");
        if (open <= 0 || close < open)
        {
            fields.Set(FieldNames.Event, AuthEvents.Other);
            return;
        }
        fields.Set(FieldNames.PamModule, m[..open].ToString());
        var service = m[(open + 1)..close];
        var colon = service.IndexOf(':');
        fields.Set(FieldNames.PamService, (colon < 0 ? service : service[..colon]).ToString());
        var text = m[(close + 3)..];
        fields.Set(FieldNames.Event, ModuleText(text, fields));
    }

    private static string ModuleText(ReadOnlySpan<char> text, FieldSet fields)
    {
        // pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root
        if (text.StartsWith("authentication failure", StringComparison.Ordinal))
        {
            KeyValues(text, fields);
            return AuthEvents.PamAuthFailure;
        }
        // pam_unix(sshd:auth): 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root
        if (MoreFailures(text, fields)) return AuthEvents.PamMoreFailures;
        // pam_unix(sshd:auth): check pass; user unknown
        if (text.StartsWith("check pass; ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Reason, text[12..].ToString());
            return AuthEvents.PamCheckPass;
        }
        // pam_unix(sshd:session): session opened for user root(uid=0) by root(uid=0)   (current Linux-PAM)
        // pam_unix(cron:session): session opened for user root by (uid=0)               (older Linux-PAM)
        if (text.StartsWith("session opened for user ", StringComparison.Ordinal))
        {
            SessionOpened(text[24..], fields);
            return AuthEvents.SessionOpen;
        }
        // pam_unix(sshd:session): session closed for user root
        if (text.StartsWith("session closed for user ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.User, text[24..].ToString());
            return AuthEvents.SessionClose;
        }
        // pam_unix(passwd:chauthtok): password changed for bob
        if (text.StartsWith("password changed for ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.User, text[21..].ToString());
            return AuthEvents.PasswordChange;
        }
        // pam_tally2(sudo:auth): user zbadguy (4001) tally 6, deny 5
        if (text.StartsWith("user ", StringComparison.Ordinal) && text.IndexOf(" tally ") > 0)
        {
            Tally(text[5..], fields);
            return AuthEvents.PamTally;
        }
        return AuthEvents.Other;
    }

    // PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root
    // PAM service(sshd) ignoring max retries; 6 > 3
    private static void OldLibpam(ReadOnlySpan<char> text, FieldSet fields)
    {
        if (MoreFailures(text, fields))
        {
            fields.Set(FieldNames.Event, AuthEvents.PamMoreFailures);
            return;
        }
        if (text.StartsWith("service(", StringComparison.Ordinal) && text.IndexOf(')') is var end and > 8)
            fields.Set(FieldNames.PamService, text[8..end].ToString());
        fields.Set(FieldNames.Event, AuthEvents.Other);
    }

    private static bool MoreFailures(ReadOnlySpan<char> text, FieldSet fields)
    {
        const string marker = " more authentication failure";
        var at = text.IndexOf(marker);
        if (at <= 0 || !IsNumber(text[..at])) return false;
        fields.Set(FieldNames.Count, text[..at].ToString());
        KeyValues(text, fields);
        return true;
    }

    // "root(uid=0) by root(uid=0)", "root by (uid=0)", "root(uid=0) by (uid=0)", "root by alice(uid=1000)"
    private static void SessionOpened(ReadOnlySpan<char> text, FieldSet fields)
    {
        var by = text.LastIndexOf(" by ");
        var user = by < 0 ? text : text[..by];
        if (user.EndsWith(')') && user.LastIndexOf("(uid=") is var uidAt and > 0)
        {
            fields.Set(FieldNames.User, user[..uidAt].ToString());
            fields.Set(FieldNames.Uid, user[(uidAt + 5)..^1].ToString());
        }
        else
        {
            fields.Set(FieldNames.User, user.ToString());
        }
        if (by < 0) return;
        var caller = text[(by + 4)..];
        var callerUid = caller.LastIndexOf("(uid=");
        if (callerUid >= 0 && caller.EndsWith(')'))
        {
            fields.Set(FieldNames.ByUser, caller[..callerUid].ToString());
            fields.Set(FieldNames.ByUid, caller[(callerUid + 5)..^1].ToString());
        }
        else
        {
            fields.Set(FieldNames.ByUser, caller.ToString());
        }
    }

    // "zbadguy (4001) tally 6, deny 5"
    private static void Tally(ReadOnlySpan<char> text, FieldSet fields)
    {
        var space = text.IndexOf(' ');
        if (space <= 0) return;
        fields.Set(FieldNames.User, text[..space].ToString());
        var rest = text[(space + 1)..];
        if (rest.StartsWith('(') && rest.IndexOf(')') is var close and > 1) fields.Set(FieldNames.Uid, rest[1..close].ToString());
        var tally = rest.IndexOf(" tally ");
        if (tally >= 0)
        {
            var n = rest[(tally + 7)..];
            var end = n.IndexOf(',');
            fields.Set(FieldNames.Count, (end < 0 ? n : n[..end]).ToString());
        }
    }

    /// <summary>
    /// The key=value tail of pam_unix's auth failure (<c>logname= uid=0 euid=0 tty=ssh ruser= rhost=… user=…</c>):
    /// <c>user</c>, <c>rhost</c> (→ <c>src_ip</c> / <c>src_host</c>), <c>tty</c>, <c>ruser</c>, <c>logname</c>,
    /// and <c>uid</c> (the uid of the process asking, not of the user).
    /// </summary>
    private static void KeyValues(ReadOnlySpan<char> text, FieldSet fields)
    {
        var semi = text.IndexOf(';');
        if (semi < 0) return;
        var rest = text[(semi + 1)..];
        // user= is last and is the only value that may hold spaces.
        var userAt = rest.LastIndexOf(" user=");
        if (userAt >= 0)
        {
            fields.Set(FieldNames.User, rest[(userAt + 6)..].Trim(' ').ToString());
            rest = rest[..userAt];
        }
        foreach (var range in rest.Split(' '))
        {
            var pair = rest[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) continue;
            var key = pair[..eq];
            var value = pair[(eq + 1)..];
            if (key.SequenceEqual("rhost")) RemoteAddress.Set(fields, value);
            else if (key.SequenceEqual("tty")) fields.Set(FieldNames.Tty, value.ToString());
            else if (key.SequenceEqual("ruser")) fields.Set(FieldNames.RemoteUser, value.ToString());
            else if (key.SequenceEqual("logname")) fields.Set(FieldNames.LogName, value.ToString());
            else if (key.SequenceEqual("uid")) fields.Set(FieldNames.Uid, value.ToString());
        }
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
        {
            if (!TraditionalTimestamp.IsDigit(c)) return false;
        }
        return true;
    }
}
