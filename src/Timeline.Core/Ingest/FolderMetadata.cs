namespace Timeline.Core.Ingest;

/// <summary>
/// The <c>etc/hostname</c> and <c>etc/timezone</c> files found in evidence folders, each applying to the
/// files under the folder that holds its <c>etc</c> (the copied root of that host): a triage folder
/// with <c>web01/etc/hostname</c> and <c>db01/etc/hostname</c> names two hosts. The deepest root wins.
/// </summary>
public sealed class FolderMetadata
{
    private readonly List<(string Root, string File, string Host)> _hosts = [];
    private readonly List<(string Root, TimeZoneInfo Zone)> _zones = [];

    /// <summary>Takes the value of one metadata file; returns the note recorded for it.</summary>
    public string Add(string path, HostMetadataFile.Kind kind, string? value)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(full)) ?? "/";
        if (value is null) return "recognised metadata file, but its content is not one printable name: not used";
        if (kind == HostMetadataFile.Kind.Hostname)
        {
            _hosts.Add((root, path, value));
            return $"recognised metadata: host name '{value}' for the host-less files under {root}";
        }
        if (HostMetadataFile.Zone(value) is not { } zone) return $"recognised metadata: time zone '{value}', which this machine does not know: not used";
        _zones.Add((root, zone));
        return $"recognised metadata: time zone '{zone.Id}' for the zone-less logs under {root} (unless --timezone is given)";
    }

    public (string Host, string File)? HostOf(string path)
    {
        // Deepest<T> of a value tuple gives default (nulls) when no root holds the path.
        var best = Deepest(_hosts.Select(h => (h.Root, (h.Host, h.File))), path);
        return best.Host is null ? null : best;
    }

    public TimeZoneInfo? ZoneOf(string path) => Deepest(_zones.Select(z => (z.Root, z.Zone)), path);

    private static T? Deepest<T>(IEnumerable<(string Root, T Value)> items, string path)
    {
        var full = Path.GetFullPath(path);
        var best = -1;
        T? value = default;
        foreach (var (root, v) in items)
        {
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (full.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > best)
            {
                best = prefix.Length;
                value = v;
            }
        }
        return value;
    }
}
