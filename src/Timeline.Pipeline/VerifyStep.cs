using System.Diagnostics;
using Timeline.Core.Ingest;
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
        foreach (var file in store.Files())
        {
            request.Cancellation.ThrowIfCancellationRequested();
            results.Add(Check(file, caseFolder, candidates, HashOf));
        }
        return new VerifyResult(results, clock.Elapsed);
    }

    private static VerifiedFile Check(EvidenceFile file, string caseFolder, Lazy<List<FileInfo>> candidates, Func<string, string> hashOf)
    {
        VerifiedFile Result(VerifyStatus status, string? at, string? sha, string note) =>
            new(file.Path, null, file.Sha256, file.Size, status, at, sha, note);

        string? changedAt = null, changedSha = null, note = null;
        foreach (var at in RecordedLocations(file.Path, caseFolder))
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
