using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence.SystemdUnit;

/// <summary>
/// The unit a file defines, from its path:
/// <code>
/// etc/systemd/system/crtend_b.service              crtend_b.service
/// etc-systemd-system-systemd-network.service       systemd-network.service (flattened copy)
/// etc/systemd/system/ssh.service.d/override.conf   ssh.service (a drop-in extends its unit)
/// crtend_b.service                                 crtend_b.service
/// </code>
/// </summary>
public static partial class UnitName
{
    public static string Of(string path)
    {
        var normalized = TriagePath.Normalize(path);
        if (DropIn().Match(normalized) is { Success: true } dropIn) return dropIn.Groups["unit"].Value;
        if (Flattened().Match(normalized) is { Success: true } flat) return flat.Groups["unit"].Value;
        return TriagePath.FileName(normalized);
    }

    [GeneratedRegex(@"(?:^|/)(?<unit>[^/]+)\.d/[^/]+\.conf$", RegexOptions.CultureInvariant)]
    private static partial Regex DropIn();

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])(?:etc|run|lib|usr" + TriagePath.Separator + "lib|\\.config)" + TriagePath.Separator + "systemd" + TriagePath.Separator + "(?:system|user)" + TriagePath.Separator + "(?<unit>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Flattened();
}
