namespace Timeline.Core.Ingest;

/// <summary>
/// Which hosts the logs of each folder name, so a file that names no host (bash history, crontab,
/// authorized_keys) can take the host of its nearest neighbours: the logs in its own folder, else in
/// its parent's subtree, and so on up to the PATH argument it came from. A triage folder of several
/// hosts (<c>web02/var/log/auth.log</c> beside <c>web02/root/.bash_history</c>, and <c>db02/…</c>)
/// then gets each history on the right host.
/// </summary>
internal sealed class HostNeighbourhood
{
    private readonly Dictionary<string, Dictionary<string, long>> _byFolder = new(StringComparer.Ordinal);

    /// <summary>Adds the hosts one file's records named (host → number of records).</summary>
    public void Count(string file, IReadOnlyDictionary<string, long> hostCounts)
    {
        var folder = Folder(file);
        if (!_byFolder.TryGetValue(folder, out var hosts)) _byFolder[folder] = hosts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (host, n) in hostCounts) hosts[host] = hosts.GetValueOrDefault(host) + n;
    }

    /// <summary>The most named host in the nearest folder subtree that has any, not above <paramref name="root"/>.</summary>
    public string? NearestHost(string file, string root)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        for (var level = Folder(file); ; level = Path.GetDirectoryName(level) ?? "")
        {
            var prefix = level.EndsWith(Path.DirectorySeparatorChar) ? level : level + Path.DirectorySeparatorChar;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (folder, hosts) in _byFolder)
            {
                if (folder != level && !folder.StartsWith(prefix, StringComparison.Ordinal)) continue;
                foreach (var (host, n) in hosts) counts[host] = counts.GetValueOrDefault(host) + n;
            }
            if (counts.Count > 0) return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            if (level.Length <= top.Length || !level.StartsWith(top, StringComparison.Ordinal)) return null;
        }
    }

    private static string Folder(string file) => Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
}
