using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Report;

namespace Timeline.Pipeline;

/// <summary>
/// Checks an output path before anything is written to it. Never replaced: the case itself (and its
/// lock and journal), an evidence file recorded in the case — by full path, and by SHA-256 of the
/// existing file, so a copy or hard link of evidence is caught too — and, unless forced, any
/// existing file that is not a previous output of ours (<see cref="PreviousOutput"/>). Evidence and
/// the case are refused even with force: overwriting them destroys what the report is about.
/// </summary>
public static class OutputGuard
{
    public static void Check(ICaseStore store, string target, bool force)
    {
        var full = Path.GetFullPath(target);
        if (store.Owns(full) || SameFile(full, store.Location))
            throw new OutputRefusedException($"'{target}' is the case itself; writing a report there would destroy it. Choose another --out path.");
        var caseFolder = Path.GetDirectoryName(Path.GetFullPath(store.Location)) ?? Directory.GetCurrentDirectory();
        var files = store.Files();
        foreach (var f in files)
        {
            if (f.OtherPaths.Prepend(f.Path).SelectMany(path => RecordedLocations(path, caseFolder)).Any(p => SameFile(full, p)))
                throw new OutputRefusedException($"'{target}' is evidence recorded in the case ({f.Sha256}); it is never overwritten. Choose another --out path.");
        }
        if (EntryTypeReader.Of(full) is var type && type == EntryType.Missing) return;
        if (type != EntryType.Regular)
            throw new OutputRefusedException($"'{target}' exists and is a {EntryTypeReader.Describe(type)}, not a regular file; reports are written only to regular files. Choose another --out path.");
        var length = new FileInfo(full).Length;
        if (length > 0 && files.Any(f => f.Size == length))
        {
            var sha = FileHasher.Sha256(full);
            if (files.FirstOrDefault(f => f.Sha256 == sha) is { } same)
                throw new OutputRefusedException($"'{target}' has the same bytes as evidence recorded in the case ('{same.Path}', {sha}); it is never overwritten. Choose another --out path.");
        }
        if (!force && !PreviousOutput.Is(full))
            throw new OutputRefusedException($"'{target}' exists and is not a report or export written by timeline; refusing to replace it. Choose another --out path, or add --force to replace it.");
    }

    private static IEnumerable<string> RecordedLocations(string recorded, string caseFolder) =>
        Path.IsPathRooted(recorded) ? [recorded] : [Path.GetFullPath(recorded), Path.GetFullPath(Path.Combine(caseFolder, recorded))];

    /// <summary>Same path, or the same file reached through a symbolic link to it.</summary>
    private static bool SameFile(string a, string b)
    {
        if (string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal)) return true;
        return Resolved(a) is { } ra && Resolved(b) is { } rb && string.Equals(ra, rb, StringComparison.Ordinal);
    }

    private static string? Resolved(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
