using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// OpenSSH server messages (<c>sshd</c>; <c>sshd-session</c> since 9.8; <c>sshd-auth</c> since 10.0).
/// Pre-auth messages relayed by the monitor end in <c>[preauth]</c> (<c>[postauth]</c>), which is not
/// part of any value; <c>error: </c> / <c>fatal: </c> level prefixes are skipped. PAM lines under sshd
/// go to <see cref="PamGrammar"/>. Cheap prefix tests pick the shape; no regular expressions.
/// </summary>
public sealed class SshdGrammar : ISyslogMessageGrammar
{
    public string Name => "sshd";
    public string EventParser => AuthEvents.ParserName;
    public IReadOnlyList<string> Programs => ["sshd", "sshd-session", "sshd-auth"];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
        var m = Trim(message);
        if (m.StartsWith("error: ", StringComparison.Ordinal) || m.StartsWith("fatal: ", StringComparison.Ordinal)) m = m[7..];
        var handled = m.IsEmpty ? false : m[0] switch
        {
            'F' => AuthResult(m, "Failed ", AuthEvents.SshFailed, fields),
            'A' => AuthResult(m, "Accepted ", AuthEvents.SshAccepted, fields),
            'P' => AuthResult(m, "Postponed ", AuthEvents.SshPostponed, fields) || AuthResult(m, "Partial ", AuthEvents.SshPartial, fields)
                   || PamFailure(m, fields),
            'I' => InvalidUser(m, "Invalid user ", fields) || InvalidUser(m, "Illegal user ", fields),
            'm' => MaxAttempts(m, fields),
            'R' => ReceivedDisconnect(m, fields),
            'D' => Preamble(m, "Disconnected from ", AuthEvents.SshDisconnect, fields) || Disconnecting(m, fields) || NoIdentification(m, fields),
            'C' => Preamble(m, "Connection closed by ", AuthEvents.SshConnectionClosed, fields)
                   || Preamble(m, "Connection reset by ", AuthEvents.SshConnectionClosed, fields)
                   || Connection(m, fields),
            'U' => Negotiation(m, fields) || NotAllowed(m, fields),
            'S' => SessionStart(m, fields),
            'T' => Timeout(m, fields),
            'r' => Refused(m, fields),
            _ => false,
        };
        if (handled) return;
        fields.Set(FieldNames.Event, AuthEvents.Other);
        if (SshEndpoint.TryFindLast(m, afterFrom: false, out var endpoint, ipOnly: true)) endpoint.SetFields(m, fields);
    }

    /// <summary>Drops trailing blanks and the monitor's <c>[preauth]</c>/<c>[postauth]</c> suffix.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> m)
    {
        m = m.TrimEnd(' ');
        if (m.EndsWith(" [preauth]", StringComparison.Ordinal)) m = m[..^10];
        else if (m.EndsWith(" [postauth]", StringComparison.Ordinal)) m = m[..^11];
        return m.TrimEnd(' ');
    }

    // auth.c auth_log(): "%s %s%s%s for %s%.100s from %.200s port %d ssh2%s%s"
    // Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2
    // Accepted publickey for root from 198.51.100.23 port 55002 ssh2: ED25519 SHA256:Qm9ndXNGaW5nZXJwcmludA
    // Accepted keyboard-interactive/pam for ubuntu from 203.0.113.45 port 40113 ssh2
    private static bool AuthResult(ReadOnlySpan<char> m, string verb, string evt, FieldSet fields)
    {
        if (!m.StartsWith(verb, StringComparison.Ordinal)) return false;
        var rest = m[verb.Length..];
        var space = rest.IndexOf(' ');
        if (space <= 0 || !rest[space..].StartsWith(" for ", StringComparison.Ordinal)) return false;
        var method = rest[..space];
        var afterFor = rest[(space + 5)..];
        if (!SshEndpoint.TryFindLast(afterFor, afterFrom: true, out var endpoint)) return false;
        fields.Set(FieldNames.Event, evt);
        fields.Set(FieldNames.AuthMethod, method.ToString());
        SetUser(afterFor[..endpoint.Start], fields);
        endpoint.SetFields(afterFor, fields);
        var tail = afterFor[endpoint.End..];
        var key = tail.IndexOf(": ");
        if (key >= 0)
        {
            var keyText = tail[(key + 2)..];
            var typeEnd = keyText.IndexOf(' ');
            if (typeEnd > 0)
            {
                fields.Set(FieldNames.KeyType, keyText[..typeEnd].ToString());
                var fp = keyText[(typeEnd + 1)..];
                var fpEnd = fp.IndexOfAny(' ', ',');
                fields.Set(FieldNames.KeyFingerprint, (fpEnd < 0 ? fp : fp[..fpEnd]).ToString());
            }
        }
        return true;
    }

    // "invalid user admin" / "illegal user admin" (OpenSSH < 3.8) / "root": the user part of auth_log().
    private static void SetUser(ReadOnlySpan<char> user, FieldSet fields)
    {
        if (user.StartsWith("invalid user ", StringComparison.Ordinal) || user.StartsWith("illegal user ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.InvalidUser, "true");
            user = user[13..];
        }
        fields.Set(FieldNames.User, user.ToString());
    }

    // Invalid user admin from 203.0.113.45 port 51234     (auth.c, before any attempt)
    // Invalid user admin from 203.0.113.45                (older OpenSSH: no port)
    private static bool InvalidUser(ReadOnlySpan<char> m, string prefix, FieldSet fields)
    {
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, AuthEvents.SshInvalidUser);
        fields.Set(FieldNames.InvalidUser, "true");
        if (SshEndpoint.TryFindLast(rest, afterFrom: true, out var endpoint))
        {
            fields.Set(FieldNames.User, rest[..endpoint.Start].ToString());
            endpoint.SetFields(rest, fields);
            return true;
        }
        var from = rest.LastIndexOf(" from ");
        if (from >= 0)
        {
            fields.Set(FieldNames.User, rest[..from].ToString());
            RemoteAddress.Set(fields, rest[(from + 6)..]);
        }
        else
        {
            fields.Set(FieldNames.User, rest.ToString());
        }
        return true;
    }

    // error: maximum authentication attempts exceeded for root from 203.0.113.45 port 51240 ssh2 [preauth]
    private static bool MaxAttempts(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "maximum authentication attempts exceeded for ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, AuthEvents.SshMaxAuthExceeded);
        if (SshEndpoint.TryFindLast(rest, afterFrom: true, out var endpoint))
        {
            SetUser(rest[..endpoint.Start], fields);
            endpoint.SetFields(rest, fields);
        }
        return true;
    }

    // Received disconnect from 203.0.113.45 port 51234:11: Bye Bye [preauth]   (text after the code is client-supplied)
    // Received disconnect from 203.0.113.45: 11: Bye Bye                      (older OpenSSH)
    private static bool ReceivedDisconnect(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "Received disconnect from ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, AuthEvents.SshDisconnect);
        var hostEnd = rest.IndexOfAny(' ', ':');
        if (hostEnd < 0) hostEnd = rest.Length;
        // An IPv6 address contains ':' itself: take the token up to " port " when there is one.
        var port = rest.IndexOf(" port ");
        if (port > 0 && rest[..port].IndexOf(' ') < 0) hostEnd = port;
        RemoteAddress.Set(fields, rest[..hostEnd]);
        var after = rest[hostEnd..];
        if (after.StartsWith(" port ", StringComparison.Ordinal))
        {
            var digits = after[6..];
            var n = 0;
            while (n < digits.Length && TraditionalTimestamp.IsDigit(digits[n])) n++;
            fields.Set(FieldNames.SrcPort, digits[..n].ToString());
            after = digits[n..];
        }
        // ":11: Bye Bye" or ": 11: Bye Bye"
        after = after.TrimStart(':').TrimStart(' ');
        var codeEnd = after.IndexOf(':');
        if (codeEnd > 0) fields.Set(FieldNames.Reason, after[(codeEnd + 1)..].Trim(' ').ToString());
        return true;
    }

    // Disconnected from invalid user admin 203.0.113.45 port 51234 [preauth]
    // Disconnected from authenticating user root 203.0.113.45 port 51240 [preauth]
    // Disconnected from user root 203.0.113.45 port 40112                 (after authentication)
    // Connection closed by authenticating user root 203.0.113.45 port 51240 [preauth]
    // Connection closed by 203.0.113.45 port 51260 [preauth]              (no user yet, or OpenSSH before 2017)
    // Connection reset by 203.0.113.45 port 51261 [preauth]
    private static bool Preamble(ReadOnlySpan<char> m, string prefix, string evt, FieldSet fields)
    {
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, evt);
        if (SshEndpoint.TryFindLast(rest, afterFrom: false, out var endpoint))
        {
            SetPreambleUser(rest[..endpoint.Start].TrimEnd(' '), fields);
            endpoint.SetFields(rest, fields);
        }
        else
        {
            RemoteAddress.Set(fields, rest.Trim(' '));
        }
        return true;
    }

    // The 2017 log "preamble" (auth2.c): "invalid user X", "authenticating user X", "user X"; other
    // words are not OpenSSH's and name no user.
    private static void SetPreambleUser(ReadOnlySpan<char> preamble, FieldSet fields)
    {
        if (preamble.StartsWith("invalid user ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.InvalidUser, "true");
            fields.Set(FieldNames.User, preamble[13..].ToString());
        }
        else if (preamble.StartsWith("authenticating user ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.User, preamble[20..].ToString());
        }
        else if (preamble.StartsWith("user ", StringComparison.Ordinal))
        {
            fields.Set(FieldNames.User, preamble[5..].ToString());
        }
    }

    // packet.c "Disconnecting %s: %.100s":
    // Disconnecting authenticating user root 203.0.113.45 port 51240: Too many authentication failures [preauth]
    // Disconnecting: Too many authentication failures for root [preauth]   (older OpenSSH)
    private static bool Disconnecting(ReadOnlySpan<char> m, FieldSet fields)
    {
        if (!m.StartsWith("Disconnecting", StringComparison.Ordinal)) return false;
        var rest = m["Disconnecting".Length..];
        ReadOnlySpan<char> reason;
        if (SshEndpoint.TryFindLast(rest, afterFrom: false, out var endpoint) && endpoint.End < rest.Length && rest[endpoint.End] == ':')
        {
            SetPreambleUser(rest[..endpoint.Start].Trim(' '), fields);
            endpoint.SetFields(rest, fields);
            reason = rest[(endpoint.End + 1)..].Trim(' ');
        }
        else
        {
            reason = rest.TrimStart(':').Trim(' ');
            const string forUser = "Too many authentication failures for ";
            if (reason.StartsWith(forUser, StringComparison.Ordinal)) SetUser(reason[forUser.Length..], fields);
        }
        var tooMany = reason.StartsWith("Too many authentication failures", StringComparison.Ordinal);
        fields.Set(FieldNames.Event, tooMany ? AuthEvents.SshTooManyFailures : AuthEvents.SshDisconnect);
        fields.Set(FieldNames.Reason, reason.ToString());
        return true;
    }

    // Did not receive identification string from 203.0.113.45 port 51270
    private static bool NoIdentification(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "Did not receive identification string from ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshNoIdentification);
        var rest = m[(prefix.Length - 6)..];
        if (SshEndpoint.TryFindLast(rest, afterFrom: true, out var endpoint)) endpoint.SetFields(rest, fields);
        else RemoteAddress.Set(fields, m[prefix.Length..]);
        return true;
    }

    // Connection from 203.0.113.45 port 51234 on 192.0.2.10 port 22 rdomain ""   (LogLevel VERBOSE)
    private static bool Connection(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "Connection from ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var on = m.IndexOf(" on ");
        if (on < 0) return false;
        var source = m[prefix.Length..on];
        var port = source.IndexOf(" port ");
        if (port <= 0) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshConnection);
        RemoteAddress.Set(fields, source[..port]);
        fields.Set(FieldNames.SrcPort, source[(port + 6)..].ToString());
        var target = m[(on + 4)..];
        var targetPort = target.IndexOf(" port ");
        if (targetPort > 0)
        {
            fields.Set(FieldNames.DstIp, target[..targetPort].ToString());
            var digits = target[(targetPort + 6)..];
            var end = digits.IndexOf(' ');
            fields.Set(FieldNames.DstPort, (end < 0 ? digits : digits[..end]).ToString());
        }
        return true;
    }

    // Unable to negotiate with 203.0.113.45 port 51262: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]
    private static bool Negotiation(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "Unable to negotiate with ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshNegotiationFailed);
        var rest = m[prefix.Length..];
        var port = rest.IndexOf(" port ");
        if (port > 0)
        {
            RemoteAddress.Set(fields, rest[..port]);
            var digits = rest[(port + 6)..];
            var n = 0;
            while (n < digits.Length && TraditionalTimestamp.IsDigit(digits[n])) n++;
            fields.Set(FieldNames.SrcPort, digits[..n].ToString());
            fields.Set(FieldNames.Reason, digits[n..].TrimStart(':').Trim(' ').ToString());
        }
        return true;
    }

    // User root from 192.0.2.1 not allowed because not listed in AllowUsers
    private static bool NotAllowed(ReadOnlySpan<char> m, FieldSet fields)
    {
        if (!m.StartsWith("User ", StringComparison.Ordinal)) return false;
        var because = m.LastIndexOf(" not allowed because ");
        if (because < 0) return false;
        var who = m[5..because];
        var from = who.LastIndexOf(" from ");
        if (from < 0) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshUserNotAllowed);
        fields.Set(FieldNames.User, who[..from].ToString());
        RemoteAddress.Set(fields, who[(from + 6)..]);
        fields.Set(FieldNames.Reason, m[(because + 21)..].ToString());
        return true;
    }

    // Starting session: shell on pts/0 for root from 203.0.113.45 port 40112 id 0   (LogLevel VERBOSE)
    // Starting session: subsystem 'sftp' for root from 203.0.113.45 port 40112 id 0
    private static bool SessionStart(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "Starting session: ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, AuthEvents.SshSessionStart);
        if (!SshEndpoint.TryFindLast(rest, afterFrom: true, out var endpoint)) return true;
        var head = rest[..endpoint.Start];
        var forAt = head.LastIndexOf(" for ");
        if (forAt >= 0)
        {
            fields.Set(FieldNames.User, head[(forAt + 5)..].ToString());
            var kind = head[..forAt];
            if (kind.StartsWith("shell on ", StringComparison.Ordinal) || kind.StartsWith("command on ", StringComparison.Ordinal))
                fields.Set(FieldNames.Tty, kind[(kind.IndexOf(" on ") + 4)..].ToString());
        }
        endpoint.SetFields(rest, fields);
        return true;
    }

    // fatal: Timeout before authentication for 192.0.2.212 port 47056
    private static bool Timeout(ReadOnlySpan<char> m, FieldSet fields)
    {
        if (!m.StartsWith("Timeout before authentication", StringComparison.Ordinal)) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshTimeout);
        if (SshEndpoint.TryFindLast(m, afterFrom: false, out var endpoint)) endpoint.SetFields(m, fields);
        return true;
    }

    // tcp_wrappers (libwrap): refused connect from example.com (192.0.2.1)
    private static bool Refused(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "refused connect from ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        fields.Set(FieldNames.Event, AuthEvents.SshRefusedConnect);
        var rest = m[prefix.Length..];
        var open = rest.LastIndexOf(" (");
        if (open >= 0 && rest[^1] == ')')
        {
            RemoteAddress.Set(fields, rest[(open + 2)..^1]);
            var name = rest[..open];
            if (!RemoteAddress.IsIp(name)) fields.Set(FieldNames.SrcHost, name.ToString());
        }
        else
        {
            RemoteAddress.Set(fields, rest);
        }
        return true;
    }

    // error: PAM: Authentication failure for root from 203.0.113.45
    // error: PAM: Authentication failure for illegal user admin from 203.0.113.45
    private static bool PamFailure(ReadOnlySpan<char> m, FieldSet fields)
    {
        const string prefix = "PAM: Authentication failure for ";
        if (!m.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = m[prefix.Length..];
        fields.Set(FieldNames.Event, AuthEvents.PamAuthFailure);
        var from = rest.LastIndexOf(" from ");
        if (from < 0)
        {
            SetUser(rest, fields);
            return true;
        }
        SetUser(rest[..from], fields);
        RemoteAddress.Set(fields, rest[(from + 6)..]);
        return true;
    }
}
