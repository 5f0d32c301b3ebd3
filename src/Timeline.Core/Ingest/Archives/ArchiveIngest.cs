using System.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Ingests one archive file: hashes it, skips it when the case already holds its bytes, walks its
/// members (<see cref="ArchiveWalk"/>) into the pipeline's parse step with their collection's host,
/// zone and collection time, records nested archives and finally the archive itself — with its
/// warnings and what was learnt about the collection — so a re-run after a crash reads it again.
/// </summary>
internal sealed class ArchiveIngest(IngestPipeline pipeline, ICaseStore store, List<FileOutcome> outcomes, Stopwatch clock)
{
    /// <summary>Per-member outcomes listed per archive; the rest are summarised in one line (a million tiny members).</summary>
    private const int ListedOutcomes = 10_000;
    private readonly IngestOptions _options = pipeline.Options;
    private int _index;
    private int _total;
    private int _listed;
    private readonly Dictionary<FileStatus, long> _unlisted = [];
    private long _events;
    private Func<ArchiveReadProgress>? _archiveProgress;

    public void Run(string path, ArchiveFormat format)
    {
        string sha;
        FileSnapshot before;
        try
        {
            before = FileSnapshot.Take(path);
            sha = FileHasher.Sha256(path, before.Length, _options.Cancellation);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcomes.Add(new FileOutcome(path, null, FileStatus.Unreadable, null, 0, 0, "cannot be read: " + ex.Message));
            return;
        }
        var formatName = ArchiveFormatNames.Of(format);
        if (store.FindFile(sha) is { } known)
        {
            store.AddPath(sha, path);
            outcomes.Add(new FileOutcome(path, sha, FileStatus.AlreadyIngested, formatName, 0, 0,
                known.Path == path ? "archive already in the case" : $"same archive already in the case as '{known.Path}'"));
            return;
        }
        var limits = _options.ArchiveLimits;
        var problems = new ArchiveProblems(limits.ListedProblems);
        using var temp = new PrivateTempFolder();
        var walk = new ArchiveWalk(limits, temp, s => store.FindFile(s) is not null, IngestMember, RecordNested, _options.Cancellation)
        {
            Surveyed = n => _total += n,
        };
        _archiveProgress = () => new ArchiveReadProgress(path, walk.OuterBytesRead, before.Length);
        var collection = walk.Run(path, Path.GetFileName(path), () => EvidenceOpener.OpenRaw(path), format, sha, problems);
        if (FileSnapshot.Take(path).ChangeSince(before) is { } change)
            problems.Add("changed", 0, $"the archive changed while it was read ({change}): its members may not match the recorded SHA-256");

        var source = new EvidenceSource(path, () => EvidenceOpener.OpenRaw(path), new DateTimeOffset(before.ModifiedUtc, TimeSpan.Zero));
        using (var ingest = store.BeginFile(IngestPipeline.NewRecord(path, sha, source, before.Length, formatName, _options.Clock.GetUtcNow())))
        {
            foreach (var (position, message) in problems.All()) ingest.Warn(new ParseWarning(new Origin(path, sha, position), message));
            ingest.Complete(Describe(collection));
        }
        if (_listed >= ListedOutcomes)
            outcomes.Add(new FileOutcome(path + "!/…", null, FileStatus.Ingested, null, 0, 0,
                "more members not listed one by one: " + string.Join(", ", _unlisted.Select(u => $"{u.Value:N0} {u.Key}"))));
        outcomes.Add(new FileOutcome(path, sha, FileStatus.Ingested, formatName, _events, problems.Count, $"archive: {walk.Members:N0} member(s); {Describe(collection)}"));
    }

    /// <summary>The collection in words (the archive's host note).</summary>
    private static string Describe(Collection c)
    {
        var parts = new List<string> { c.Kind == CollectorKind.Plain ? "plain archive" : $"{CollectorLayout.Name(c.Kind)} collection" };
        parts.Add(c.Host is null ? "host not named by the archive" : $"host '{c.Host}' from {c.HostSource}");
        if (c.CollectedAt is { } at) parts.Add($"collected {at:yyyy-MM-ddTHH:mm:ssZ} (from {c.CollectedSource})");
        if (c.TimeZone is { } z) parts.Add($"host time zone {z.Id}");
        return string.Join("; ", parts);
    }

    private void Add(FileOutcome outcome)
    {
        // Every member outcome moves the count, also members that are not parsed (already in the case, metadata, unrecognised, nested archives).
        _options.Progress?.Invoke(new IngestProgress(_index, Math.Max(_total, _index), outcome.Path, 0, outcome.Events, outcome.Warnings, clock.Elapsed, _archiveProgress?.Invoke()));
        if (_listed < ListedOutcomes)
        {
            _listed++;
            outcomes.Add(outcome);
        }
        else _unlisted[outcome.Status] = _unlisted.GetValueOrDefault(outcome.Status) + 1;
    }

    private void IngestMember(MemberEvidence m)
    {
        _options.Cancellation.ThrowIfCancellationRequested();
        _index++;
        if (store.FindFile(m.Sha256) is { } known)
        {
            store.AddPath(m.Sha256, m.DisplayPath);
            Add(new FileOutcome(m.DisplayPath, m.Sha256, FileStatus.AlreadyIngested, known.Parser, 0, 0,
                known.Path == m.DisplayPath ? "already in the case" : $"same bytes already in the case as '{known.Path}': one evidence file, this path listed with it"));
            return;
        }
        var now = _options.Clock.GetUtcNow();
        if (m.CollectorMetadata is { } about)
        {
            IngestPipeline.RecordMetadataFile(store, m.DisplayPath, m.Sha256, m.Source, m.Size, IngestPipeline.CollectorMetadataFormat, about, now, m.ArchiveSha256, m.HostPath);
            Add(new FileOutcome(m.DisplayPath, m.Sha256, FileStatus.Ingested, IngestPipeline.CollectorMetadataFormat, 0, 0, "collector metadata: " + about));
            return;
        }
        if (m.HostPath is { } hp && HostMetadataFile.Of(hp) is var kind and not HostMetadataFile.Kind.None)
        {
            string? value;
            using (var content = m.Source.OpenContent()) value = HostMetadataFile.Value(content);
            var note = value is null ? "recognised metadata file, but its content is not one printable name" : $"recognised metadata: {(kind == HostMetadataFile.Kind.Hostname ? "host name" : "time zone")} '{value}' of this collection";
            IngestPipeline.RecordMetadataFile(store, m.DisplayPath, m.Sha256, m.Source, m.Size, IngestPipeline.MetadataFormat(kind), note, now, m.ArchiveSha256, m.HostPath);
            Add(new FileOutcome(m.DisplayPath, m.Sha256, FileStatus.Ingested, IngestPipeline.MetadataFormat(kind), 0, 0, note));
            return;
        }
        var sample = FormatDetector.Sample(m.Source);
        var match = pipeline.Detector.Detect(sample);
        if (match is null)
        {
            var why = sample.Head.Length == 0 ? "the file is empty" : sample.LooksBinary ? "binary content that no parser recognises" : "text that no parser recognises";
            IngestPipeline.RecordUnrecognised(store, m.DisplayPath, m.Sha256, m.Source, m.Size, why, now, m.ArchiveSha256, m.HostPath);
            Add(new FileOutcome(m.DisplayPath, m.Sha256, FileStatus.Unrecognized, null, 0, 1, why));
            return;
        }
        var d = new IngestPipeline.Detected(new IngestPipeline.Planned(m.DisplayPath, -1), m.Sha256, m.Source, match.Value.Parser, new FileSnapshot(m.Size, default));
        var c = m.Collection;
        var (host, note2) = _options.Host is not null || c.Host is null
            ? pipeline.HostFor(d, null, store)
            : (c.Host, $"host from {c.HostSource}");
        try
        {
            var outcome = pipeline.Parse(store, d, new IngestPipeline.MemberContext(host, note2, c.TimeZone, c.CollectedAt, m.ArchiveSha256, m.HostPath, _archiveProgress), _index - 1, Math.Max(_total, _index), clock, out _);
            _events += outcome.Events;
            Add(outcome);
        }
        catch (CaseWriteException ex) when (!ex.DiskFull)
        {
            Add(new FileOutcome(m.DisplayPath, m.Sha256, FileStatus.Unreadable, null, 0, 1,
                "could not be written to the case, nothing of it is stored: " + (ex.InnerException?.Message ?? ex.Message)));
        }
    }

    private void RecordNested(NestedArchive n)
    {
        var source = new EvidenceSource(n.DisplayPath, () => Stream.Null, n.ModifiedUtc);
        var formatName = ArchiveFormatNames.Of(n.Format);
        using (var ingest = store.BeginFile(IngestPipeline.NewRecord(n.DisplayPath, n.Sha256, source, n.Size, formatName, _options.Clock.GetUtcNow()) with { ArchiveSha256 = n.ArchiveSha256 }))
        {
            foreach (var (position, message) in n.Problems.All()) ingest.Warn(new ParseWarning(new Origin(n.DisplayPath, n.Sha256, position), message));
            ingest.Complete($"nested archive: {n.Members:N0} member(s)");
        }
        Add(new FileOutcome(n.DisplayPath, n.Sha256, FileStatus.Ingested, formatName, 0, n.Problems.Count, $"nested archive: {n.Members:N0} member(s)"));
    }
}
