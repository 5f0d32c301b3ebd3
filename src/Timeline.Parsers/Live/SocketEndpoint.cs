using System.Net;
using System.Net.Sockets;

namespace Timeline.Parsers.Live;

/// <summary>
/// One side of a socket as ss, netstat and lsof print it: <c>10.0.0.5:43210</c>, <c>*:22</c>,
/// <c>0.0.0.0:*</c>, <c>[::ffff:1.2.3.4]:443</c> (ss), <c>:::22</c> and <c>2001:db8::1:443</c>
/// (netstat, no brackets: the port is after the last colon), <c>[fe80::1]%eth0:546</c> and
/// <c>127.0.0.53%lo:53</c> (ss with an interface scope, which is dropped). <c>*</c> stands for any
/// address or port and is kept as <see cref="IsAny"/>. IPv4-mapped IPv6 addresses are written as
/// IPv4, so address rules and indicator lists see one spelling.
/// </summary>
public readonly record struct SocketEndpoint(string Address, string Port)
{
    /// <summary>The unspecified address or a wildcard: a listening side or no peer.</summary>
    public bool IsAny => Address is "*" or "0.0.0.0" or "::" or "";

    public bool PortIsAny => Port is "*" or "0" or "";

    public static bool TryParse(ReadOnlySpan<char> text, out SocketEndpoint endpoint)
    {
        endpoint = default;
        var colon = text.LastIndexOf(':');
        if (colon < 0) return false;
        var host = text[..colon];
        var port = text[(colon + 1)..];
        if (port.IsEmpty || (port is not "*" && !IsDigits(port))) return false;
        var scope = host.LastIndexOf('%');
        if (scope >= 0) host = host[..scope];
        if (host.Length >= 2 && host[0] == '[' && host[^1] == ']') host = host[1..^1];
        if (host.IsEmpty) return false;
        string address;
        if (host is "*") address = "*";
        else if (IPAddress.TryParse(host, out var ip))
            address = ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : host.ToString();
        else return false;
        endpoint = new SocketEndpoint(address, port.ToString());
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }
}
