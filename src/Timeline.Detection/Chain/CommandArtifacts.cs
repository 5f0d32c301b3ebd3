using System.Net;
using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// The things a command line names that can link it to other evidence or become an IOC: URLs and
/// their hosts, bare IP addresses, absolute paths, pool endpoints, SSH targets and embedded SSH
/// public keys (with the fingerprint sshd would log for them).
/// </summary>
public sealed record CommandArtifacts(
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Ips,
    IReadOnlyList<string> Paths,
    IReadOnlyList<SshTarget> SshTargets,
    IReadOnlyList<string> KeyFingerprints)
{
    public static readonly CommandArtifacts None = new([], [], [], [], [], []);

    private static readonly Regex UrlPattern = new(@"(?:https?|ftp|tftp|stratum\+(?:tcp|udp|ssl|tls))://[^\s'""|;)(<>`\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    // Lookarounds need the backtracking engine; these patterns have no nested quantifiers over the
    // same characters, and the timeout bounds hostile input.
    private static readonly Regex IpPattern = new(@"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PathPattern = new(@"(?<=^|[\s'""=>;(:])(?:~?/[A-Za-z0-9._\-+]+)+/?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    // Windows paths: a drive letter, then folders and a name without spaces (quoted paths with spaces end at the first space).
    private static readonly Regex WindowsPathPattern = new(@"(?<![\w\\])[A-Za-z]:\\(?:[^\\\s'""|;<>*?,()]+\\)*[^\\\s'""|;<>*?,()]*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex KeyPattern = new(@"(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com) (AAAA[0-9A-Za-z+/]+={0,3})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static CommandArtifacts Of(string command)
    {
        if (command.Length == 0) return None;
        var urls = UrlPattern.Matches(command).Select(m => m.Value.TrimEnd('.', ',')).Distinct(StringComparer.Ordinal).ToList();
        var hosts = new List<string>();
        foreach (var url in urls)
            if (HostOf(url) is { } h && !hosts.Contains(h, StringComparer.OrdinalIgnoreCase)) hosts.Add(h);
        var ips = IpPattern.Matches(command).Select(m => m.Value).Where(IsIp).Distinct(StringComparer.Ordinal).ToList();
        foreach (var h in hosts)
            if (IsIp(h) && !ips.Contains(h)) ips.Add(h);
        var paths = new List<string>();
        foreach (Match m in PathPattern.Matches(command))
        {
            var p = m.Value;
            if (p.Length < 3 || p.StartsWith("//", StringComparison.Ordinal) || p == "/dev/null") continue;
            // The path part of a URL is not a file on this host.
            if (m.Index > 0 && urls.Any(u => command.IndexOf(u, StringComparison.Ordinal) is var at and >= 0 && m.Index >= at && m.Index < at + u.Length)) continue;
            if (!paths.Contains(p, StringComparer.Ordinal)) paths.Add(p);
        }
        foreach (Match m in WindowsPathPattern.Matches(command))
        {
            var p = m.Value.TrimEnd('\\', '.');
            if (p.Length > 3 && !paths.Contains(p, StringComparer.OrdinalIgnoreCase)) paths.Add(p);
        }
        var keys = KeyPattern.Matches(command).Select(m => SshKeyFingerprint.Of(m.Groups[1].Value)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new CommandArtifacts(urls, hosts, ips, paths, SshTarget.AllIn(command), keys);
    }

    /// <summary>True for <c>C:\\…</c> paths.</summary>
    public static bool IsWindowsPath(string path) => path.Length > 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '\\';

    /// <summary>The host of a URL (no port, no user info), or null.</summary>
    public static string? HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? url[(start + 3)..] : url;
        var end = rest.IndexOfAny(['/', '?', '#']);
        if (end >= 0) rest = rest[..end];
        var at = rest.LastIndexOf('@');
        if (at >= 0) rest = rest[(at + 1)..];
        var colon = rest.LastIndexOf(':');
        if (colon > 0 && !rest.StartsWith('[')) rest = rest[..colon];
        return rest.Length == 0 ? null : rest.ToLowerInvariant();
    }

    /// <summary>The port of a URL or <c>host:port</c>, or null.</summary>
    public static string? PortOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? url[(start + 3)..] : url;
        var end = rest.IndexOfAny(['/', '?', '#']);
        if (end >= 0) rest = rest[..end];
        var colon = rest.LastIndexOf(':');
        return colon > 0 && rest[(colon + 1)..] is { Length: > 0 } port && port.All(char.IsAsciiDigit) ? port : null;
    }

    public static bool IsIp(string text) =>
        IPAddress.TryParse(text, out var ip) && (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);

    /// <summary>RFC 1918, loopback and link-local: an address inside the victim's network.</summary>
    public static bool IsInternal(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address)) return false;
        if (IPAddress.IsLoopback(address)) return true;
        var b = address.GetAddressBytes();
        if (b.Length != 4) return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC;
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
    }
}
