using System.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Ingest.Archives;
using Timeline.Core.Store;

namespace Timeline.Core.Ingest;

/// <summary>
/// Ingests evidence into a case: expand paths, hash each file (SHA-256 of the bytes on disk), skip
/// bytes already in the case, detect the format by content, parse, store. Files whose format names
/// no host (bash history, crontab files) are read last and take the host most lines under the same
/// PATH argument name, unless --host says otherwise. A parser that throws (a bug) costs only the rest
/// of that file, with a warning; nothing else is lost.
/// </summary>
public sealed class IngestPipeline
{
    private readonly FormatDetector _detector;
    private readonly IngestOptions _options;

    public IngestPipeline(FormatDetector detector, IngestOptions options)
    {
        _detector = detector;
        _options = options;
    }

    public IngestReport Run(ICaseStore store, IReadOnlyList<string> paths)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<FileOutcome>();
        var missing = new List<string>();
        var plan = new List<Planned>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool IsCaseFile(string f) => store.Owns(Path.GetFullPath(f));

        foreach (var (root, rootIndex) in paths.Select((p, i) => (p, i)))
        {
            var expansion = EvidenceWalker.Expand(root, IsCaseFile);
            missing.AddRange(expansion.Missing);
            foreach (var link in expansion.SkippedLinks) outcomes.Add(new FileOutcome(link, null, FileStatus.Unreadable, null, 0, 0, "symbolic link: not followed (its target is on this machine, not in the evidence)"));
            foreach (var dir in expansion.Unreadable) outcomes.Add(new FileOutcome(dir, null, FileStatus.Unreadable, null, 0, 0, "folder cannot be listed (permissions)"));
            foreach (var special in expansion.Special) outcomes.Add(new FileOutcome(special.Path, null, FileStatus.Unreadable, null, 0, 0, $"not a regular file ({special.Kind}): not evidence, never opened"));
            foreach (var file in expansion.Files)
            {
                if (seen.Add(Path.GetFullPath(file))) plan.Add(new Planned(file, rootIndex));
            }
        }

        var detected = new List<Detected>();
        // Same bytes under two paths in one run: parsed once, the second path listed on the first's record once it is stored.
        var firstPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var samePaths = new List<(string Sha256, string Path)>();
        var archives = new List<(Planned Item, ArchiveFormat Format)>();
        var metadata = new FolderMetadata();
        foreach (var item in plan)
        {
            _options.Cancellation.ThrowIfCancellationRequested();
            var format = ArchiveFormat.None;
            try
            {
                format = ArchiveSignature.Of(() => EvidenceOpener.OpenRaw(item.Path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Prepare reports the unreadable file.
            }
            if (format != ArchiveFormat.None)
            {
                archives.Add((item, format));
                continue;
            }
            if (HostMetadataFile.Of(item.Path) != HostMetadataFile.Kind.None)
            {
                RecordMetadata(store, item, metadata, outcomes);
                continue;
            }
            var result = Prepare(store, item, outcomes, firstPathOf, samePaths);
            if (result is not null) detected.Add(result);
        }

        // Host-naming formats first, so host-less files can take the host their neighbours name.
        var ordered = detected.OrderBy(d => d.Parser.NamesHost ? 0 : 1).ThenBy(d => d.Item.Path, StringComparer.Ordinal).ToList();
        var neighbourhood = new HostNeighbourhood();
        for (var i = 0; i < ordered.Count; i++)
        {
            _options.Cancellation.ThrowIfCancellationRequested();
            try
            {
                outcomes.Add(IngestOne(store, ordered[i], i, ordered.Count, neighbourhood, paths, clock, metadata));
            }
            catch (CaseWriteException ex) when (!ex.DiskFull)
            {
                // One file the store could not write is that file's error; the next files still go in.
                // Its record stays incomplete (hidden), so a re-run tries it again.
                outcomes.Add(new FileOutcome(ordered[i].Item.Path, ordered[i].Sha256, FileStatus.Unreadable, null, 0, 1,
                    "could not be written to the case, nothing of it is stored: " + (ex.InnerException?.Message ?? ex.Message)));
            }
        }
        foreach (var (sha, path) in samePaths) store.AddPath(sha, path);
        foreach (var (item, format) in archives)
        {
            _options.Cancellation.ThrowIfCancellationRequested();
            new ArchiveIngest(this, store, outcomes, clock).Run(item.Path, format);
        }
        return new IngestReport(outcomes, missing, clock.Elapsed);
    }

    /// <summary>
    /// Hashes and opens one file: the length is taken once, before hashing, so the hash covers exactly the
    /// bytes parsed. An unreadable file is an outcome, and null.
    /// </summary>
    private (string Sha, EvidenceSource Source, FileSnapshot Before)? HashAndOpen(Planned item, List<FileOutcome> outcomes)
    {
        try
        {
            var before = FileSnapshot.Take(item.Path);
            var sha = FileHasher.Sha256(item.Path, before.Length, _options.Cancellation);
            return (sha, EvidenceOpener.Open(item.Path, before.Length, _options.Cancellation), before);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcomes.Add(new FileOutcome(item.Path, null, FileStatus.Unreadable, null, 0, 0, "cannot be read: " + ex.Message));
            return null;
        }
    }

    private Detected? Prepare(ICaseStore store, Planned item, List<FileOutcome> outcomes, Dictionary<string, string> firstPathOf, List<(string, string)> samePaths)
    {
        if (HashAndOpen(item, outcomes) is not { } opened) return null;
        var (sha, source, before) = opened;
        if (store.FindFile(sha) is { } known)
        {
            store.AddPath(sha, item.Path);
            outcomes.Add(new FileOutcome(item.Path, sha, FileStatus.AlreadyIngested, known.Parser, 0, 0,
                known.Path == item.Path ? "already in the case" : $"same bytes already in the case as '{known.Path}': one evidence file, this path listed with it"));
            return null;
        }
        if (firstPathOf.TryGetValue(sha, out var first))
        {
            samePaths.Add((sha, item.Path));
            outcomes.Add(new FileOutcome(item.Path, sha, FileStatus.AlreadyIngested, null, 0, 0,
                $"same bytes as '{first}' in this ingest: one evidence file, this path listed with it"));
            return null;
        }
        firstPathOf[sha] = item.Path;
        var sample = FormatDetector.Sample(source);
        var match = _detector.Detect(sample);
        if (match is null)
        {
            var why = sample.Head.Length == 0 ? "the file is empty" : sample.LooksBinary ? "binary content that no parser recognises" : "text that no parser recognises";
            RecordUnrecognised(store, item.Path, sha, source, before.Length, why, _options.Clock.GetUtcNow());
            outcomes.Add(new FileOutcome(item.Path, sha, FileStatus.Unrecognized, null, 0, 1, why));
            return null;
        }
        return new Detected(item, sha, source, match.Value.Parser, before);
    }

    internal static void RecordUnrecognised(ICaseStore store, string path, string sha, EvidenceSource source, long size, string why, DateTimeOffset now, string? archiveSha256 = null, string? hostPath = null)
    {
        using var ingest = store.BeginFile(NewRecord(path, sha, source, size, "unrecognized", now) with { ArchiveSha256 = archiveSha256, HostPath = hostPath });
        ingest.Warn(new ParseWarning(new Origin(path, sha, 0), $"not ingested: {why}"));
        ingest.Complete();
    }

    private FileOutcome IngestOne(ICaseStore store, Detected d, int index, int count, HostNeighbourhood neighbourhood, IReadOnlyList<string> roots, Stopwatch clock, FolderMetadata metadata)
    {
        var (defaultHost, hostNote) = metadata.HostOf(d.Item.Path) is { } named && _options.Host is null && !d.Parser.NamesHost
            ? (named.Host, $"host named by {named.File}")
            : HostFor(d, neighbourhood.NearestHost(d.Item.Path, roots[d.Item.Root]), store);
        var outcome = Parse(store, d, new MemberContext(defaultHost, hostNote, metadata.ZoneOf(d.Item.Path), null, null, null), index, count, clock, out var fileHosts);
        neighbourhood.Count(d.Item.Path, fileHosts);
        return outcome;
    }

    /// <summary>What an evidence file's place says beyond its bytes: host, zone, collection time, archive.</summary>
    /// <summary>Where a file to parse comes from: its host and note, zone, collection time, archive and server path, and (for an archive member) how far the archive has been read, for progress.</summary>
    internal sealed record MemberContext(string DefaultHost, string HostNote, TimeZoneInfo? Zone, DateTimeOffset? CollectedAt, string? ArchiveSha256, string? HostPath, Func<ArchiveReadProgress>? Archive = null);

    internal FileOutcome Parse(ICaseStore store, Detected d, MemberContext where, int index, int count, Stopwatch clock, out Dictionary<string, long> fileHosts)
    {
        var hostNote = where.HostNote;
        fileHosts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var ingest = store.BeginFile(NewRecord(d.Item.Path, d.Sha256, d.Source, d.Before.Length, d.Parser.Name, _options.Clock.GetUtcNow()) with { ArchiveSha256 = where.ArchiveSha256, HostPath = where.HostPath });
        var context = new ParseContext(d.Item.Path, d.Sha256, ingest.Warn)
        {
            HostOverride = _options.Host,
            DefaultHost = where.DefaultHost,
            Year = _options.Year,
            TimeZone = _options.TimeZone ?? where.Zone ?? TimeZoneInfo.Utc,
            Clock = _options.Clock,
            Cancellation = _options.Cancellation,
            CollectedAt = where.CollectedAt,
        };
        long events = 0, lastPosition = 0, afterCollection = 0, firstAfter = 0;
        var bound = where.CollectedAt?.UtcTicks;
        var late = new LateEvents(d.Source.ContentModifiedUtc, _options.Clock.GetUtcNow());
        try
        {
            foreach (var e in d.Parser.Parse(d.Source, context))
            {
                ingest.Add(e);
                events++;
                lastPosition = e.Origin.Position;
                if (bound is { } b && e.Ticks > b && afterCollection++ == 0) firstAfter = e.Origin.Position;
                late.Observe(e);
                if (d.Parser.NamesHost) fileHosts[e.Host] = fileHosts.GetValueOrDefault(e.Host) + 1;
                if ((events & 0x3FFF) == 0) _options.Progress?.Invoke(new IngestProgress(index + 1, count, d.Item.Path, lastPosition, events, context.WarningCount, clock.Elapsed, where.Archive?.Invoke()));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not CaseWriteException)
        {
            context.Warn(lastPosition + 1, $"the {d.Parser.Name} parser stopped with an internal error after position {lastPosition} ({ex.GetType().Name}: {ex.Message}); events before it were kept. Please report this file shape.");
        }
        late.Report(context);
        if (afterCollection > 0)
            context.Warn(firstAfter, $"{afterCollection:N0} event(s) are after the collection time {where.CollectedAt:yyyy-MM-ddTHH:mm:ssZ} (nothing the host did after it can be in this evidence): a wrong year or zone, or a forged time; first at position {firstAfter}");
        if (where.ArchiveSha256 is null && FileSnapshot.Take(d.Item.Path).ChangeSince(d.Before) is { } change)
            context.Warn(0, $"the file changed while it was read ({change}); only the first {d.Before.Length:N0} bytes, which the recorded SHA-256 covers, were read");
        var final = ingest.Complete(hostNote);
        _options.Progress?.Invoke(new IngestProgress(index + 1, count, d.Item.Path, lastPosition, events, context.WarningCount, clock.Elapsed, where.Archive?.Invoke()));
        return new FileOutcome(d.Item.Path, d.Sha256, FileStatus.Ingested, final.Parser, final.Events, final.Warnings, d.Parser.Name);
    }

    internal (string Host, string Note) HostFor(Detected d, string? nearest, ICaseStore store)
    {
        if (_options.Host is { } forced) return (forced, "host given by --host");
        if (d.Parser.NamesHost) return ("unknown", "host named in each record");
        if (nearest is not null) return (nearest, $"host inferred: the nearest logs in the evidence folder name '{nearest}'");
        var caseHosts = store.AggregatesOf(Store.AggregateDimensions.Host);
        if (caseHosts.Count == 1) return (caseHosts[0].Value, $"host inferred: the only host in the case is '{caseHosts[0].Value}'");
        return ("unknown", "no host known: pass --host to name it");
    }

    internal static EvidenceFile NewRecord(string path, string sha, EvidenceSource source, long size, string format, DateTimeOffset now) => new()
    {
        Sha256 = sha,
        Path = path,
        Size = size,
        ModifiedTicks = source.ModifiedUtc.UtcTicks,
        GzipModifiedTicks = source.GzipModifiedUtc?.UtcTicks,
        Format = format,
        State = EvidenceState.Incomplete,
        IngestedTicks = now.UtcTicks,
    };

    /// <summary>A host-metadata file in a folder (<c>etc/hostname</c>, <c>etc/timezone</c>): hashed, recorded as metadata, and applied to the files under the same root.</summary>
    private void RecordMetadata(ICaseStore store, Planned item, FolderMetadata metadata, List<FileOutcome> outcomes)
    {
        if (HashAndOpen(item, outcomes) is not { } opened) return;
        var (sha, source, before) = opened;
        var kind = HostMetadataFile.Of(item.Path);
        string? value;
        using (var content = source.OpenContent()) value = HostMetadataFile.Value(content);
        var note = metadata.Add(item.Path, kind, value);
        if (store.FindFile(sha) is not null) store.AddPath(sha, item.Path);
        else RecordMetadataFile(store, item.Path, sha, source, before.Length, MetadataFormat(kind), note, _options.Clock.GetUtcNow(), null, null);
        outcomes.Add(new FileOutcome(item.Path, sha, FileStatus.Ingested, MetadataFormat(kind), 0, 0, note));
    }

    internal static string MetadataFormat(HostMetadataFile.Kind kind) => kind == HostMetadataFile.Kind.Hostname ? "metadata/hostname" : "metadata/timezone";

    /// <summary>The format recorded for a file a triage collector wrote about its own run (<see cref="Archives.CollectorMetadataMember"/>).</summary>
    internal const string CollectorMetadataFormat = "metadata/collector";

    internal static void RecordMetadataFile(ICaseStore store, string path, string sha, EvidenceSource source, long size, string format, string note, DateTimeOffset now, string? archiveSha256, string? hostPath)
    {
        using var ingest = store.BeginFile(NewRecord(path, sha, source, size, format, now) with { ArchiveSha256 = archiveSha256, HostPath = hostPath });
        ingest.Complete(note);
    }

    internal FormatDetector Detector => _detector;
    internal IngestOptions Options => _options;

    internal sealed record Planned(string Path, int Root);
    internal sealed record Detected(Planned Item, string Sha256, EvidenceSource Source, ILogParser Parser, FileSnapshot Before);
}
