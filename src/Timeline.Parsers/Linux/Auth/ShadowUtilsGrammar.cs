using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// Account changes logged by shadow-utils (useradd, usermod, userdel, groupadd, groupdel, passwd,
/// chpasswd, chage, gpasswd). Their PAM lines (<c>pam_unix(passwd:chauthtok): password changed for bob</c>)
/// go to <see cref="PamGrammar"/>.
/// </summary>
public sealed class ShadowUtilsGrammar : ISyslogMessageGrammar
{
    public string Name => "shadow-utils";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs =>
        ["useradd", "usermod", "userdel", "groupadd", "groupmod", "groupdel", "passwd", "chpasswd", "chage", "gpasswd", "newusers", "chsh", "chfn"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields) =>
        fields.Set(FieldNames.Event, Event(message.TrimEnd(' '), fields));

    private static string Event(ReadOnlySpan<char> m, FieldSet fields)
    {
        // useradd[2301]: new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0
        // (older shadow-utils: no ", from=")
        if (m.StartsWith("new user: ", StringComparison.Ordinal))
        {
            Pairs(m[10..], fields, FieldNames.User);
            return AuthEvents.UserAdd;
        }
        // groupadd[2300]: new group: name=miners, GID=1002
        // groupadd[2300]: group added to /etc/group: name=miners, GID=1002
        if (m.StartsWith("new group: ", StringComparison.Ordinal))
        {
            Pairs(m[11..], fields, FieldNames.Group);
            return AuthEvents.GroupAdd;
        }
        if (m.StartsWith("group added to ", StringComparison.Ordinal) && m.IndexOf(": ") is var colon and > 0)
        {
            fields.Set(FieldNames.Path, m[15..colon].ToString());
            Pairs(m[(colon + 2)..], fields, FieldNames.Group);
            return AuthEvents.GroupAdd;
        }
        // usermod[2302]: add 'bob' to group 'sudo'  /  add 'bob' to shadow group 'sudo'
        if (m.StartsWith("add '", StringComparison.Ordinal) && Quoted(m, 0, out var user, out var after)
            && (m[after..].StartsWith(" to group ", StringComparison.Ordinal) || m[after..].StartsWith(" to shadow group ", StringComparison.Ordinal))
            && Quoted(m, after, out var group, out _))
        {
            fields.Set(FieldNames.User, user.ToString());
            fields.Set(FieldNames.Group, group.ToString());
            return AuthEvents.GroupMemberAdd;
        }
        // userdel[2310]: delete 'bob' from group 'sudo'  /  delete 'bob' from shadow group 'sudo'
        if (m.StartsWith("delete '", StringComparison.Ordinal) && Quoted(m, 0, out user, out after) && m[after..].Contains(" group ", StringComparison.Ordinal)
            && Quoted(m, after, out group, out _))
        {
            fields.Set(FieldNames.User, user.ToString());
            fields.Set(FieldNames.Group, group.ToString());
            return AuthEvents.GroupMemberDelete;
        }
        // userdel[2310]: delete user 'akay'
        if (m.StartsWith("delete user '", StringComparison.Ordinal) && Quoted(m, 0, out user, out _))
        {
            fields.Set(FieldNames.User, user.ToString());
            return AuthEvents.UserDelete;
        }
        // userdel[2310]: removed group 'akay' owned by 'akay'  /  removed shadow group 'akay' owned by 'akay'
        // groupdel[2311]: group 'miners' removed  /  group 'miners' removed from /etc/group
        if ((m.StartsWith("removed group '", StringComparison.Ordinal) || m.StartsWith("removed shadow group '", StringComparison.Ordinal)
             || (m.StartsWith("group '", StringComparison.Ordinal) && m.Contains("' removed", StringComparison.Ordinal)))
            && Quoted(m, 0, out group, out after))
        {
            fields.Set(FieldNames.Group, group.ToString());
            if (m[after..].StartsWith(" owned by ", StringComparison.Ordinal) && Quoted(m, after, out var owner, out _)) fields.Set(FieldNames.User, owner.ToString());
            return AuthEvents.GroupDelete;
        }
        // usermod[2302]: change user 'bob' password   (usermod -p)
        // passwd[2303]: password for 'bob' changed by 'root'
        if ((m.StartsWith("change user '", StringComparison.Ordinal) && m.EndsWith("' password", StringComparison.Ordinal))
            || m.StartsWith("password for '", StringComparison.Ordinal))
        {
            if (Quoted(m, 0, out user, out after)) fields.Set(FieldNames.User, user.ToString());
            if (m[after..].StartsWith(" changed by ", StringComparison.Ordinal) && Quoted(m, after, out var by, out _)) fields.Set(FieldNames.ByUser, by.ToString());
            return AuthEvents.PasswordChange;
        }
        // usermod[2302]: change user 'bob' shell from '/bin/sh' to '/bin/bash'
        // usermod[2302]: change user 'bob' UID from '1001' to '0'
        // usermod[2302]: change user name 'bob' to 'bobby'
        // usermod[2302]: lock user 'bob' password  /  unlock user 'bob' password
        if (m.StartsWith("change user ", StringComparison.Ordinal) || m.StartsWith("lock user '", StringComparison.Ordinal)
            || m.StartsWith("unlock user '", StringComparison.Ordinal))
        {
            UserChange(m, fields);
            return AuthEvents.UserModify;
        }
        // chage[2304]: changed password expiry for bob
        const string expiry = "changed password expiry for ";
        if (m.StartsWith(expiry, StringComparison.Ordinal))
        {
            fields.Set(FieldNames.User, m[expiry.Length..].ToString());
            return AuthEvents.UserModify;
        }
        // gpasswd[2305]: user bob added by root to group sudo
        if (m.StartsWith("user ", StringComparison.Ordinal) && m.IndexOf(" added by ") is var added and > 5 && m.IndexOf(" to group ") is var toGroup && toGroup > added)
        {
            fields.Set(FieldNames.User, m[5..added].ToString());
            fields.Set(FieldNames.ByUser, m[(added + 10)..toGroup].ToString());
            fields.Set(FieldNames.Group, m[(toGroup + 10)..].ToString());
            return AuthEvents.GroupMemberAdd;
        }
        return AuthEvents.Other;
    }

    // "name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0"
    private static void Pairs(ReadOnlySpan<char> text, FieldSet fields, string nameField)
    {
        foreach (var range in text.Split(", "))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var key = pair[..eq];
            var value = pair[(eq + 1)..].ToString();
            if (key.SequenceEqual("name")) fields.Set(nameField, value);
            else if (key.SequenceEqual("UID")) fields.Set(FieldNames.Uid, value);
            else if (key.SequenceEqual("GID")) fields.Set(FieldNames.Gid, value);
            else if (key.SequenceEqual("home")) fields.Set(FieldNames.Home, value);
            else if (key.SequenceEqual("shell")) fields.Set(FieldNames.Shell, value);
            else if (key.SequenceEqual("from")) fields.Set(FieldNames.Tty, value);
        }
    }

    private static void UserChange(ReadOnlySpan<char> m, FieldSet fields)
    {
        if (!Quoted(m, 0, out var user, out var after)) return;
        fields.Set(FieldNames.User, user.ToString());
        var rest = m[after..];
        if (m.StartsWith("change user name ", StringComparison.Ordinal))
        {
            if (Quoted(m, after, out var renamed, out _)) fields.Set(FieldNames.TargetUser, renamed.ToString());
            fields.Set(FieldNames.Reason, "change user name");
            return;
        }
        // " shell from '/bin/sh' to '/bin/bash'"
        var from = rest.IndexOf(" from '");
        var to = rest.LastIndexOf(" to '");
        if (from > 0 && to > from && Quoted(rest, to, out var value, out _))
        {
            var what = rest[..from].Trim(' ');
            if (what.SequenceEqual("shell")) fields.Set(FieldNames.Shell, value.ToString());
            else if (what.SequenceEqual("home")) fields.Set(FieldNames.Home, value.ToString());
            else if (what.SequenceEqual("UID")) fields.Set(FieldNames.Uid, value.ToString());
            else if (what.SequenceEqual("GID")) fields.Set(FieldNames.Gid, value.ToString());
            fields.Set(FieldNames.Reason, string.Concat("change ", what));
            return;
        }
        fields.Set(FieldNames.Reason, m[..(m.IndexOf('\'') - 1)].ToString() + rest.ToString());
    }

    /// <summary>The next <c>'…'</c> at or after <paramref name="from"/>; <paramref name="after"/> is the index after the closing quote.</summary>
    private static bool Quoted(ReadOnlySpan<char> s, int from, out ReadOnlySpan<char> value, out int after)
    {
        value = [];
        after = from;
        var open = s[from..].IndexOf('\'');
        if (open < 0) return false;
        open += from + 1;
        var close = s[open..].IndexOf('\'');
        if (close < 0) return false;
        value = s.Slice(open, close);
        after = open + close + 1;
        return true;
    }
}
