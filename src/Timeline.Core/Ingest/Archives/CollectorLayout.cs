namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Which collector made an archive, told by marker entries (never by the archive's name), and how its
/// member paths map to paths on the examined host:
/// <list type="bullet">
/// <item>UAC (github.com/tclahr/uac): <c>uac.log</c> beside <c>[root]/</c> (the file-system copy) and/or
///   <c>live_response/</c> (command outputs); <c>[root]/var/log/auth.log</c> is <c>/var/log/auth.log</c>.</item>
/// <item>CatScale (github.com/WithSecureLabs/LinuxCatScale): everything under <c>catscale_out/</c>, files named
///   <c>&lt;host&gt;-&lt;YYYYMMDD&gt;-&lt;HHMM&gt;-…</c>; logs in nested <c>Logs/*-var-log.tar.gz</c> whose members are plain
///   file-system paths (<c>var/log/…</c>).</item>
/// <item>Velociraptor offline collector: <c>client_info.json</c> beside <c>uploads/</c>; files under
///   <c>uploads/&lt;accessor&gt;/</c> with URL-escaped names (<c>%2Fvar%2Flog</c>, <c>C%3A</c>).</item>
/// <item>Plain file-system tar (<c>tar czf x.tgz /var/log /etc</c>): <c>var/log/…</c>, <c>./var/log/…</c>, <c>/var/log/…</c>,
///   or one or two folder levels above a top-level system folder.</item>
/// </list>
/// </summary>
public enum CollectorKind
{
    Plain,
    Uac,
    CatScale,
    Velociraptor,
}

public static class CollectorLayout
{
    /// <summary>Top-level folders of a Linux file system: a member under one of them is a file of the host.</summary>
    private static readonly HashSet<string> SystemFolders = new(StringComparer.Ordinal)
    {
        "bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var",
    };

    /// <summary>The collector's name as its authors write it (for notes and listings).</summary>
    public static string Name(CollectorKind kind) => kind switch
    {
        CollectorKind.Uac => "UAC",
        CollectorKind.CatScale => "CatScale",
        CollectorKind.Velociraptor => "Velociraptor offline",
        _ => "plain",
    };

    /// <summary>The collector told by the member names (first path segments) of one archive.</summary>
    public static CollectorKind Detect(IReadOnlyCollection<IReadOnlyList<string>> names)
    {
        bool Top(string first) => names.Any(s => s.Count > 0 && s[0] == first);
        bool TopFile(string file) => names.Any(s => s.Count == 1 && s[0] == file);
        if (TopFile("uac.log") && (Top("[root]") || Top("live_response"))) return CollectorKind.Uac;
        if (names.Any(s => s.Count > 1 && s[0] == "catscale_out")) return CollectorKind.CatScale;
        if (TopFile("client_info.json") && names.Any(s => s.Count > 2 && s[0] == "uploads")) return CollectorKind.Velociraptor;
        return CollectorKind.Plain;
    }

    /// <summary>The member's path on the examined host, or null when it is not a copied file (command output, collector metadata).</summary>
    public static string? HostPath(IReadOnlyList<string> segments, CollectorKind kind)
    {
        switch (kind)
        {
            case CollectorKind.Uac:
                return segments.Count > 1 && segments[0] == "[root]" ? "/" + string.Join('/', segments.Skip(1)) : null;
            case CollectorKind.Velociraptor:
                if (segments.Count < 3 || segments[0] != "uploads") return null;
                var decoded = string.Join('/', segments.Skip(2).Select(Unescape));
                var parts = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "." && p != "..");
                return "/" + string.Join('/', parts);
            case CollectorKind.CatScale:
                return null; // catscale_out holds command outputs and nested archives; their members are plain paths
            default:
                for (var i = 0; i <= 2 && i < segments.Count - 1; i++)
                {
                    if (SystemFolders.Contains(segments[i])) return "/" + string.Join('/', segments.Skip(i));
                }
                return null;
        }
    }

    private static string Unescape(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
