using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// Lines in which a host states its own address: DHCP leases (dhclient, NetworkManager,
/// systemd-networkd), sshd binding a specific address, and the local address Redis prints in its
/// client descriptions (<c>laddr=</c>). Hosts' own addresses are rarely in the evidence; when one is,
/// a logon on another host from that address links the two (threat-notes §1.6: "the source IP is the
/// infected peer, so timelines should link hosts by that IP").
/// </summary>
public static class OwnAddress
{
    private static readonly (string Hint, Regex Pattern, string How)[] Shapes =
    [
        ("bound to ", new(@"\bbound to (?<ip>\d{1,3}(?:\.\d{1,3}){3}) -- renewal", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), "DHCP lease (dhclient)"),
        ("dhcp4 (", new(@"\bdhcp4 \([^)]*\):[^\n]*\baddress[= ]\s*(?<ip>\d{1,3}(?:\.\d{1,3}){3})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), "DHCP lease (NetworkManager)"),
        ("DHCPv4 address ", new(@"\bDHCPv4 address (?<ip>\d{1,3}(?:\.\d{1,3}){3})/\d+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), "DHCP lease (systemd-networkd)"),
        ("Server listening on ", new(@"\bServer listening on (?<ip>\d{1,3}(?:\.\d{1,3}){3}) port \d+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), "sshd listening address"),
        ("laddr=", new(@"\bladdr=(?<ip>\d{1,3}(?:\.\d{1,3}){3}):\d+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), "local address of a Redis client connection"),
    ];

    /// <summary>The address a line states as the host's own, and how it says so; null when it states none.</summary>
    public static (string Ip, string How)? In(string message)
    {
        foreach (var (hint, pattern, how) in Shapes)
        {
            if (!message.Contains(hint, StringComparison.Ordinal)) continue;
            var m = pattern.Match(message);
            if (m.Success && CommandArtifacts.IsIp(m.Groups["ip"].Value) && m.Groups["ip"].Value is not ("0.0.0.0" or "127.0.0.1"))
                return (m.Groups["ip"].Value, how);
        }
        return null;
    }
}
