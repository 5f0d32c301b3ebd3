using System.Net;
using System.Net.Sockets;

namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>cidr</c>: the value parses as an IPv4 or IPv6 address inside the network. IPv4-mapped IPv6 counts as IPv4.</summary>
public sealed class CidrTest : IValueTest
{
    private readonly byte[] _network;
    private readonly int _prefix;
    private readonly AddressFamily _family;

    private CidrTest(byte[] network, int prefix, AddressFamily family)
    {
        _network = network;
        _prefix = prefix;
        _family = family;
    }

    public string? RequiredLiteral => null;

    public static bool TryCreate(string cidr, out CidrTest? test)
    {
        test = null;
        var slash = cidr.IndexOf('/');
        var addressText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(addressText.Trim(), out var address)) return false;
        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > bytes.Length * 8)) return false;
        test = new CidrTest(bytes, prefix, address.AddressFamily);
        return true;
    }

    public bool Test(string? value, IFieldSource source)
    {
        if (value is null) return false;
        var text = value.Trim();
        if (text.StartsWith('[') && text.EndsWith(']')) text = text[1..^1];
        if (!IPAddress.TryParse(text, out var address)) return false;
        if (address.IsIPv4MappedToIPv6 && _family == AddressFamily.InterNetwork) address = address.MapToIPv4();
        if (address.AddressFamily != _family) return false;
        var bytes = address.GetAddressBytes();
        var full = _prefix / 8;
        for (var i = 0; i < full; i++)
            if (bytes[i] != _network[i]) return false;
        var rest = _prefix % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[full] & mask) == (_network[full] & mask);
    }
}
