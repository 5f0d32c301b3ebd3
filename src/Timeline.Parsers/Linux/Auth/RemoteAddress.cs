using Timeline.Core.Vocabulary;
using System.Net;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Auth;

/// <summary>
/// A remote end as sshd and PAM print it: an IPv4/IPv6 address (<c>203.0.113.45</c>,
/// <c>2001:db8::7</c>, <c>::ffff:192.0.2.1</c>) goes to <c>src_ip</c>; a host name (sshd with
/// <c>UseDNS yes</c>, PAM <c>rhost=</c>) goes to <c>src_host</c>.
/// </summary>
public static class RemoteAddress
{
    public static void Set(FieldSet fields, ReadOnlySpan<char> address)
    {
        if (address.IsEmpty) return;
        var key = IsIp(address) ? FieldNames.SrcIp : FieldNames.SrcHost;
        fields.Set(key, address.ToString());
    }

    public static bool IsIp(ReadOnlySpan<char> text) => text.Length >= 2 && IPAddress.TryParse(text, out _);
}
