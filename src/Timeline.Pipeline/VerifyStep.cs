using System.Diagnostics;
using Timeline.Core.Ingest;
using Timeline.Core.Ingest.Archives;
using Timeline.Core.Store;

namespace Timeline.Pipeline;

/// <summary>
/// The chain-of-custody check: re-hashes every evidence file recorded in a case and says which still
/// match the SHA-256 recorded at ingest, which changed and which are missing. A file is looked for at
/// its recorded path first; when it is not there with the recorded bytes, the files under the
/// evidence roots are tried — first by SHA-256 (only files of the recorded size are hashed), then by
/// path (a file whose path ends with the recorded path's last folders and name is the same evidence,
/// changed). Only regular files are opened (a FIFO or device at a recorded path is reported, never read).
/// </summary>
public static class VerifyStep
{
    public static VerifyResult Run(ICaseStore store, VerifyRequest request)
    {
        var clock = Stopwatch.StartNew();
        var caseFolder = Path.GetDirectoryName(Path.GetFullPath(store.Location)) ?? Directory.GetCurrentDirectory();
        var candidates = new Lazy<List<FileInfo>>(() => Candidates(request.EvidenceRoots, store));
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        string HashOf(string path)
        {
            if (!hashes.TryGetValue(path, out var sha)) hashes[path] = sha = FileHasher.Sha256(path, long.MaxValue, request.Cancellation);
            return sha;
        }

        var results = new List<VerifiedFile>();
        var files = store.Files().ToList();
        var members = files.Where(f => f.ArchiveSha256 is not null).ToLookup(f => f.ArchiveSha256!, StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.ArchiveSha256 is null))
        {
            request.Cancellation.ThrowIfCancellationRequested();
            var checkedFile = Check(file, caseFolder, candidates, HashOf);
            results.Add(checkedFile);
            if (ArchiveFormatNames.IsArchive(file.Format)) results.AddRange(CheckMembers(file, checkedFile, members[file.Sha256].ToList(), request.Cancellation));
        }
        // Members whose archive has no record (an ingest stopped before the archive was recorded).
        var recorded = files.Where(f => f.ArchiveSha256 is null).Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in files.Where(f => f.ArchiveSha256 is { } a && !recorded.Contains(a)))
            results.Add(new VerifiedFile(orphan.Path, MemberOf(orphan.Path), orphan.Sha256, orphan.Size, VerifyStatus.Missing, null, null, "the archive holding it is not recorded in the case"));
        return new VerifyResult(results, clock.Elapsed);
    }

    /// <summary>
    /// Re-reads an archive found with its recorded SHA-256 and re-hashes every member (nested ones
    /// too), under the same bounds as the ingest; each recorded member is matched by its display path.
    /// </summary>
    private static IEnumerable<VerifiedFile> CheckMembers(EvidenceFile archive, VerifiedFile archiveCheck, List<EvidenceFile> recordedMembers, CancellationToken cancellation)
    {
        if (recordedMembers.Count == 0) yield break;
        if (archiveCheck.Status != VerifyStatus.Match || archiveCheck.Container is not { } at)
        {
            foreach (var m in recordedMembers)
                yield return new VerifiedFile(m.Path, MemberOf(m.Path), m.Sha256, m.Size, archiveCheck.Status == VerifyStatus.Changed ? VerifyStatus.Changed : VerifyStatus.Missing, archiveCheck.Container, null,
                    $"the archive holding it is {archiveCheck.Status.ToString().ToLowerInvariant()}: {archiveCheck.Note}");
            yield break;
        }
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new ArchiveProblems(0);
        using (var temp = new PrivateTempFolder())
        {
            var walk = new ArchiveWalk(new ArchiveLimits(), temp, _ => false, m => found.TryAdd(m.DisplayPath, m.Sha256), n => found.TryAdd(n.DisplayPath, n.Sha256), cancellation);
            var format = ArchiveSignature.Of(() => EvidenceOpener.OpenRaw(at));
            walk.Run(archive.Path, Path.GetFileName(at), () => EvidenceOpener.OpenRaw(at), format, archive.Sha256, problems);
        }
        foreach (var m in recordedMembers)
        {
            if (!found.TryGetValue(m.Path, out var sha))
                yield return new VerifiedFile(m.Path, MemberOf(m.Path), m.Sha256, m.Size, VerifyStatus.Missing, at, null, "no member of that name in the archive");
            else if (sha == m.Sha256)
                yield return new VerifiedFile(m.Path, MemberOf(m.Path), m.Sha256, m.Size, VerifyStatus.Match, at, sha, "member re-hashed from its archive");
            else
                yield return new VerifiedFile(m.Path, MemberOf(m.Path), m.Sha256, m.Size, VerifyStatus.Changed, at, sha, "member of the same name, different SHA-256");
        }
    }

    /// <summary>The member part of a display path (<c>archive.tgz!/var/log/auth.log</c> → <c>var/log/auth.log</c>).</summary>
    private static string? MemberOf(string displayPath)
    {
        var bang = displayPath.IndexOf("!/", StringComparison.Ordinal);
        return bang < 0 ? null : displayPath[(bang + 2)..];
    }

    private static VerifiedFile Check(EvidenceFile file, string caseFolder, Lazy<List<FileInfo>> candidates, Func<string, string> hashOf)
    {
        VerifiedFile Result(VerifyStatus status, string? at, string? sha, string note) =>
            new(file.Path, null, file.Sha256, file.Size, status, at, sha, note);

        string? changedAt = null, changedSha = null, note = null;
        // The recorded path first, then the other paths the same bytes were found under.
        foreach (var at in file.OtherPaths.Where(p => !p.Contains("!/", StringComparison.Ordinal)).Prepend(file.Path).SelectMany(p => RecordedLocations(p, caseFolder)))
        {
            var type = EntryTypeReader.Of(at);
            if (type == EntryType.Missing) continue;
            if (type != EntryType.Regular)
            {
                changedAt ??= at;
                note ??= $"{EntryTypeReader.Describe(type)} at the recorded path, not the evidence file: not opened";
                continue;
            }
            var sha = TryHash(at, hashOf, out var error);
            if (sha == file.Sha256) return Result(VerifyStatus.Match, at, sha, "at its recorded path");
            if (changedAt is null)
            {
                changedAt = at;
                changedSha = sha;
                note = sha is null ? "cannot be read: " + error : Changed(file, at);
            }
        }
        foreach (var c in candidates.Value.Where(c => c.Length == file.Size))
        {
            var sha = TryHash(c.FullName, hashOf, out _);
            if (sha == file.Sha256) return Result(VerifyStatus.Match, c.FullName, sha, "found under the evidence given (moved or copied)");
        }
        if (changedAt is not null) return Result(VerifyStatus.Changed, changedAt, changedSha, note!);
        var tail = Tail(file.Path);
        var byPath = candidates.Value.FirstOrDefault(c => Tail(c.FullName).EndsWith(tail, StringComparison.Ordinal) && EndsAtSeparator(c.FullName, tail));
        if (byPath is not null)
        {
            var sha = TryHash(byPath.FullName, hashOf, out var error);
            return Result(VerifyStatus.Changed, byPath.FullName, sha, sha is null ? "cannot be read: " + error : Changed(file, byPath.FullName) + " (same path under the evidence given)");
        }
        return Result(VerifyStatus.Missing, null, null, "not at its recorded path, and no file under the evidence given has its SHA-256 or path");
    }

    private static string Changed(EvidenceFile file, string at)
    {
        var size = new FileInfo(at).Length;
        return size == file.Size ? $"same size ({size:N0} bytes), different SHA-256"
            : size > file.Size ? $"{size - file.Size:N0} bytes longer than recorded (appended to, or replaced)"
            : $"{file.Size - size:N0} bytes shorter than recorded (truncated, or replaced)";
    }

    private static string? TryHash(string path, Func<string, string> hashOf, out string? error)
    {
        error = null;
        try
        {
            return hashOf(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The recorded path as recorded (absolute), or against the current folder and the case's folder (relative).</summary>
    private static IEnumerable<string> RecordedLocations(string recorded, string caseFolder)
    {
        if (Path.IsPathRooted(recorded)) return [recorded];
        return new[] { Path.GetFullPath(recorded), Path.GetFullPath(Path.Combine(caseFolder, recorded)) }.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The regular files under the evidence roots (the walker's rules: no links followed, no special files), not the case's own files.</summary>
    private static List<FileInfo> Candidates(IReadOnlyList<string> roots, ICaseStore store)
    {
        var files = new List<FileInfo>();
        foreach (var root in roots)
        {
            var expansion = EvidenceWalker.Expand(root, f => store.Owns(Path.GetFullPath(f)));
            files.AddRange(expansion.Files.Select(f => new FileInfo(Path.GetFullPath(f))));
        }
        return files;
    }

    /// <summary>The last two folders and the name of a path ("var/log/auth.log"), with '/' separators: enough to recognise the same file in a moved copy of a triage folder.</summary>
    private static string Tail(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts.Skip(Math.Max(0, parts.Length - 3)));
    }

    private static bool EndsAtSeparator(string fullPath, string tail)
    {
        var normal = fullPath.Replace('\\', '/');
        return normal.Length == tail.Length || normal[normal.Length - tail.Length - 1] == '/';
    }
}
