namespace Timeline.Core.Ingest;

/// <summary>
/// Expands the PATH arguments into files: files as given, folders recursively in ordinal order.
/// Symbolic links are not followed: in a copied triage folder they point into the analyst's own
/// machine (e.g. <c>/etc/localtime</c>), which is not evidence. They are listed as skipped instead.
/// </summary>
public static class EvidenceWalker
{
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> SkippedLinks, IReadOnlyList<string> Missing, IReadOnlyList<string> Unreadable);

    public static Expansion Expand(string path, Func<string, bool>? exclude = null)
    {
        var files = new List<string>();
        var links = new List<string>();
        var missing = new List<string>();
        var unreadable = new List<string>();
        if (File.Exists(path))
        {
            if (IsLink(path)) links.Add(path);
            else files.Add(path);
        }
        else if (Directory.Exists(path)) Walk(path, files, links, unreadable);
        else missing.Add(path);
        if (exclude is not null) files.RemoveAll(f => exclude(f));
        return new Expansion(files, links, missing, unreadable);
    }

    private static void Walk(string dir, List<string> files, List<string> links, List<string> unreadable)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(dir);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            unreadable.Add(dir);
            return;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (IsLink(entry)) { links.Add(entry); continue; }
            if (Directory.Exists(entry)) Walk(entry, files, links, unreadable);
            else if (File.Exists(entry)) files.Add(entry);
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
