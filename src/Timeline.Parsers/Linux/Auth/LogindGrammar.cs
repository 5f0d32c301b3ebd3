using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// systemd-logind session lines, in the old and the newer quoted shapes.
/// <code>
/// New session 7 of user root.
/// New session '4' of user 'x' with class 'user' and type 'tty'.
/// Session 7 logged out. Waiting for processes to exit.
/// Removed session 7.
/// </code>
/// </summary>
public sealed class LogindGrammar : ISyslogMessageGrammar
{
    public string Name => "systemd-logind";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs => ["systemd-logind"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = message.TrimEnd(' ');
        if (m.StartsWith("New session ", StringComparison.Ordinal))
        {
            var rest = m[12..];
            var of = rest.IndexOf(" of user ");
            if (of > 0)
            {
                fields.Set(FieldNames.Event, AuthEvents.LogindNewSession);
                fields.Set(FieldNames.SessionId, Unquote(rest[..of]).ToString());
                var user = rest[(of + 9)..];
                var with = user.IndexOf(" with class ");
                user = with >= 0 ? user[..with] : user.TrimEnd('.');
                fields.Set(FieldNames.User, Unquote(user).ToString());
                return;
            }
        }
        if (m.StartsWith("Session ", StringComparison.Ordinal) && m.IndexOf(" logged out.") is var logged and > 8)
        {
            fields.Set(FieldNames.Event, AuthEvents.LogindLoggedOut);
            fields.Set(FieldNames.SessionId, Unquote(m[8..logged]).ToString());
            return;
        }
        if (m.StartsWith("Removed session ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Event, AuthEvents.LogindSessionRemoved);
            fields.Set(FieldNames.SessionId, Unquote(m[16..].TrimEnd('.')).ToString());
            return;
        }
        fields.Set(FieldNames.Event, AuthEvents.Other);
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> s) =>
        s.Length >= 2 && s[0] == '\'' && s[^1] == '\'' ? s[1..^1] : s;
}
