using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// Finds the <c>&lt;address&gt; port &lt;n&gt;</c> that sshd puts after the client-supplied user name:
/// <code>
/// Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2
/// Connection closed by authenticating user root 203.0.113.45 port 51240 [preauth]
/// </code>
/// The search runs from the right: a user name is attacker-controlled and may itself contain
/// " from 1.2.3.4 port 1", while the address follows it.
/// </summary>
public readonly record struct SshEndpoint(int Start, int HostStart, int HostLength, int PortStart, int PortLength, int End)
{
    /// <summary>
    /// The last <c>[ from ]&lt;host&gt; port &lt;digits&gt;</c> in <paramref name="s"/> followed by the end, a
    /// space or ':'. With <paramref name="afterFrom"/> the host must follow " from " and <see cref="Start"/>
    /// is the index of that " from "; otherwise <see cref="Start"/> is the host's index (the host is then
    /// required to be an IP address when <paramref name="ipOnly"/>).
    /// </summary>
    public static bool TryFindLast(ReadOnlySpan<char> s, bool afterFrom, out SshEndpoint endpoint, bool ipOnly = false)
    {
        endpoint = default;
        var limit = s.Length;
        while (limit > 0)
        {
            var port = s[..limit].LastIndexOf(" port ");
            if (port < 0) return false;
            limit = port;
            var digitsStart = port + 6;
            var digitsEnd = digitsStart;
            while (digitsEnd < s.Length && TraditionalTimestamp.IsDigit(s[digitsEnd])) digitsEnd++;
            if (digitsEnd == digitsStart || (digitsEnd < s.Length && s[digitsEnd] != ' ' && s[digitsEnd] != ':')) continue;
            var hostStart = s[..port].LastIndexOf(' ') + 1;
            if (hostStart >= port) continue;
            var host = s[hostStart..port];
            int start;
            if (afterFrom)
            {
                if (hostStart < 6 || !s[..hostStart].EndsWith(" from ", StringComparison.Ordinal)) continue;
                start = hostStart - 6;
            }
            else
            {
                if (ipOnly && !RemoteAddress.IsIp(host)) continue;
                start = hostStart;
            }
            endpoint = new SshEndpoint(start, hostStart, port - hostStart, digitsStart, digitsEnd - digitsStart, digitsEnd);
            return true;
        }
        return false;
    }

    public void SetFields(ReadOnlySpan<char> s, FieldSet fields)
    {
        RemoteAddress.Set(fields, s.Slice(HostStart, HostLength));
        fields.Set(FieldNames.SrcPort, s.Slice(PortStart, PortLength).ToString());
    }
}
