namespace Timeline.Core.Ingest;

/// <summary>
/// Expands the PATH arguments into files: files as given, folders recursively in ordinal order.
/// Symbolic links are not followed: in a copied triage folder they point into the analyst's own
/// machine (e.g. <c>/etc/localtime</c>), which is not evidence. They are listed as skipped instead.
/// Only regular files are evidence: FIFOs (open blocks until a writer comes), devices (a read of
/// /dev/zero never ends) and sockets are listed as <see cref="Expansion.Special"/> and never opened.
/// </summary>
public static class EvidenceWalker
{
    /// <summary>An entry that is not a regular file, and what it is (<see cref="EntryTypeReader.Describe"/>).</summary>
    public sealed record SpecialEntry(string Path, string Kind);

    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> SkippedLinks, IReadOnlyList<string> Missing, IReadOnlyList<string> Unreadable, IReadOnlyList<SpecialEntry> Special);

    public static Expansion Expand(string path, Func<string, bool>? exclude = null)
    {
        var found = new Found();
        switch (EntryTypeReader.Of(path))
        {
            // A PATH argument that is a link to a folder was chosen by the analyst: it is walked.
            case EntryType.Directory:
            case EntryType.SymbolicLink when Directory.Exists(path):
                Walk(path, found);
                break;
            case EntryType.Missing:
                found.Missing.Add(path);
                break;
            default:
                Classify(path, found);
                break;
        }
        if (exclude is not null) found.Files.RemoveAll(f => exclude(f));
        return new Expansion(found.Files, found.Links, found.Missing, found.Unreadable, found.Special);
    }

    private sealed class Found
    {
        public List<string> Files { get; } = [];
        public List<string> Links { get; } = [];
        public List<string> Missing { get; } = [];
        public List<string> Unreadable { get; } = [];
        public List<SpecialEntry> Special { get; } = [];
    }

    private static void Walk(string dir, Found found)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(dir);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            found.Unreadable.Add(dir);
            return;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (EntryTypeReader.Of(entry) == EntryType.Directory) Walk(entry, found);
            else Classify(entry, found);
        }
    }

    private static void Classify(string entry, Found found)
    {
        var type = EntryTypeReader.Of(entry);
        switch (type)
        {
            case EntryType.Regular:
                found.Files.Add(entry);
                break;
            case EntryType.SymbolicLink:
                found.Links.Add(entry);
                break;
            case EntryType.Missing:
                break; // vanished between listing and looking
            default:
                found.Special.Add(new SpecialEntry(entry, EntryTypeReader.Describe(type)));
                break;
        }
    }
}
