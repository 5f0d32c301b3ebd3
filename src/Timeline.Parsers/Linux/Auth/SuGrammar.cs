using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// su's own lines (its PAM lines go to <see cref="PamGrammar"/>). <c>user</c> is who ran su,
/// <c>target_user</c> who they became.
/// <code>
/// su[4120]: (to root) alice on pts/0            (util-linux su: success)
/// su[4121]: FAILED SU (to root) alice on pts/1   (util-linux su: failure)
/// su[4122]: Successful su for root by alice      (shadow-utils su)
/// su[4123]: + /dev/pts/0 alice:root              (shadow-utils sulog style: + success, - failure)
/// </code>
/// </summary>
public sealed class SuGrammar : ISyslogMessageGrammar
{
    public string Name => "su";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs => ["su"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = message.TrimEnd(' ');
        if (m.StartsWith("FAILED SU ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Event, AuthEvents.SuFailed);
            To(m[10..], fields);
            return;
        }
        if (m.StartsWith("(to ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.Event, AuthEvents.Su);
            To(m, fields);
            return;
        }
        const string successful = "Successful su for ";
        if (m.StartsWith(successful, StringComparison.Ordinal))
        {
            var rest = m[successful.Length..];
            var by = rest.LastIndexOf(" by ");
            fields.Set(FieldNames.Event, AuthEvents.Su);
            if (by > 0)
            {
                fields.Set(FieldNames.TargetUser, rest[..by].ToString());
                fields.Set(FieldNames.User, rest[(by + 4)..].ToString());
            }
            return;
        }
        if (m.Length > 2 && (m[0] == '+' || m[0] == '-') && m[1] == ' ')
        {
            var rest = m[2..];
            var space = rest.IndexOf(' ');
            var pair = space < 0 ? [] : rest[(space + 1)..];
            var colon = pair.IndexOf(':');
            if (space > 0 && colon > 0)
            {
                fields.Set(FieldNames.Event, m[0] == '+' ? AuthEvents.Su : AuthEvents.SuFailed);
                fields.Set(FieldNames.Tty, rest[..space].ToString());
                fields.Set(FieldNames.User, pair[..colon].ToString());
                fields.Set(FieldNames.TargetUser, pair[(colon + 1)..].ToString());
                return;
            }
        }
        fields.Set(FieldNames.Event, AuthEvents.Other);
    }

    // "(to root) alice on pts/0"
    private static void To(ReadOnlySpan<char> text, FieldSet fields)
    {
        if (!text.StartsWith("(to ", StringComparison.Ordinal)) return;
        var close = text.IndexOf(") ");
        if (close < 0) return;
        fields.Set(FieldNames.TargetUser, text[4..close].ToString());
        var rest = text[(close + 2)..];
        var on = rest.LastIndexOf(" on ");
        fields.Set(FieldNames.User, (on < 0 ? rest : rest[..on]).ToString());
        if (on >= 0) fields.Set(FieldNames.Tty, rest[(on + 4)..].ToString());
    }
}
