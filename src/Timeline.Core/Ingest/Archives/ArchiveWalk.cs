namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Reads one archive file as evidence, in two passes over the stream (nothing is unpacked):
/// <list type="number">
/// <item>the survey: member names and the small metadata members, which tell the collector, the host
///   and the collection time (<see cref="CollectionSurvey"/>) before any member is parsed — a
///   collector's log may come after the logs it collected;</item>
/// <item>the read: each regular member is spooled once while hashed (<see cref="MemberSpool"/>) and
///   handed to the ingest with its display path, server path and the collection; a member that is
///   itself an archive (by magic bytes) is read the same way, nested, up to <see cref="ArchiveLimits.MaxNesting"/>.</item>
/// </list>
/// Links, devices, encrypted members, hostile names, duplicates, damage and bounds become warnings
/// of the archive (<see cref="ArchiveProblems"/>); whatever was read before damage or a bound is kept.
/// Both passes charge a <see cref="DecompressionBudget"/>, so a bomb is refused in the survey already.
/// </summary>
public sealed class ArchiveWalk(
    ArchiveLimits limits,
    PrivateTempFolder temp,
    Func<string, bool> alreadyInCase,
    Action<MemberEvidence> ingestMember,
    Action<NestedArchive> recordNested,
    CancellationToken cancellation)
{
    private int _members;

    /// <summary>Members read so far in this walk (nested included).</summary>
    public int Members => _members;

    private CountingStream? _outer;

    /// <summary>Compressed bytes of the outer archive read so far by the read pass (for progress; 0 before it starts).</summary>
    public long OuterBytesRead => _outer?.BytesRead ?? 0;

    /// <summary>Called once per archive (outer and nested) with the member count the survey found, for progress.</summary>
    public Action<int>? Surveyed { get; init; }

    public Collection Run(string displayPath, string fileName, Func<Stream> openRaw, ArchiveFormat format, string archiveSha256, ArchiveProblems problems) =>
        Walk(displayPath, fileName, openRaw, format, archiveSha256, Collection.None, problems, depth: 0);

    private Collection Walk(string displayPath, string fileName, Func<Stream> openRaw, ArchiveFormat format, string archiveSha256, Collection outer, ArchiveProblems problems, int depth)
    {
        var collection = Survey(fileName, openRaw, format, problems).Under(outer);

        var prefix = displayPath + "!/";
        var names = new HashSet<string>(StringComparer.Ordinal);
        long ordinal = 0;
        var current = "";
        using var raw = new CountingStream(openRaw(), cancellation);
        if (depth == 0) _outer = raw;
        var budget = new DecompressionBudget(limits, () => raw.BytesRead);
        try
        {
            ArchiveReader.Read(raw, format, n => budget.Take(n, current), member =>
            {
                ordinal++;
                if (++_members > limits.MaxMembers)
                    throw new ArchiveBoundException($"more than {limits.MaxMembers:N0} members: the members from number {ordinal:N0} on are not read");
                var name = MemberName.Of(member.Name, limits.MaxPathLevels);
                current = prefix + name.Display;
                Visit(member, name, current, ordinal, names, collection, archiveSha256, problems, depth);
            }, message => problems.Add("damage", 0, message), cancellation);
        }
        catch (ArchiveBoundException ex)
        {
            problems.Add("bound", ordinal, ex.Message);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            problems.Add("damage", ordinal, $"the archive is damaged at compressed offset {raw.BytesRead:N0}, in or after member {ordinal:N0} ('{current}'): {ex.GetType().Name}: {ex.Message}. The members before it were read; the rest cannot be.");
        }
        return collection;
    }

    private void Visit(ArchiveMember member, MemberName name, string display, long ordinal, HashSet<string> names, Collection collection, string archiveSha256, ArchiveProblems problems, int depth)
    {
        foreach (var p in name.Problems) problems.Add("name", ordinal, $"member '{display}' {p}: read as evidence, never unpacked");
        if (member.Kind != MemberKind.Directory && names.Count < limits.MaxMembers && !names.Add(name.Display))
            problems.Add("duplicate", ordinal, $"member name '{display}' appears more than once; each copy is read as evidence of its own");
        switch (member.Kind)
        {
            case MemberKind.Directory:
                return;
            case MemberKind.SymbolicLink:
                problems.Add("link", ordinal, $"member '{display}' is a symbolic link to '{member.LinkTarget}': recorded, not followed");
                return;
            case MemberKind.HardLink:
                problems.Add("link", ordinal, $"member '{display}' is a hard link to '{member.LinkTarget}': recorded, not followed (the linked member is read where it is stored)");
                return;
            case MemberKind.Other:
                problems.Add("special", ordinal, $"member '{display}' is not a regular file ({member.KindText}): recorded, not read");
                return;
        }
        if (member.Encrypted || member.Content is null)
        {
            problems.Add("encrypted", ordinal, $"member '{display}' is encrypted (password-protected zip): it cannot be read without the password and is not ingested");
            return;
        }
        using var spool = MemberSpool.Copy(member.Content, limits, temp, cancellation);
        var nested = ArchiveSignature.Of(spool.Open);
        if (nested != ArchiveFormat.None && depth + 1 > limits.MaxNesting)
        {
            problems.Add("nesting", ordinal, $"member '{display}' is an archive nested deeper than {limits.MaxNesting} levels: not opened, ingested as a file");
            nested = ArchiveFormat.None;
        }
        if (nested != ArchiveFormat.None)
        {
            if (alreadyInCase(spool.Sha256))
            {
                problems.Add("already", ordinal, $"nested archive '{display}' (SHA-256 {spool.Sha256}) is already in the case: not read again");
                return;
            }
            var inner = new ArchiveProblems(limits.ListedProblems);
            var before = _members;
            var fileName = name.Segments.Count > 0 ? name.Segments[^1] : name.Display;
            Walk(display, fileName, spool.Open, nested, archiveSha256, collection, inner, depth + 1);
            recordNested(new NestedArchive(display, spool.Sha256, spool.Length, nested, member.ModifiedUtc, archiveSha256, inner, _members - before));
            return;
        }
        var hostPath = CollectorLayout.HostPath(name.Segments, collection.Kind);
        var source = new EvidenceSource(display, spool.Open, member.ModifiedUtc) { HostPath = hostPath ?? string.Join('/', name.Segments) };
        ingestMember(new MemberEvidence(display, hostPath, spool.Sha256, spool.Length, source, archiveSha256, collection,
            hostPath is null ? CollectorMetadataMember.Describe(name.Segments, collection.Kind) : null));
    }

    private Collection Survey(string fileName, Func<Stream> openRaw, ArchiveFormat format, ArchiveProblems problems)
    {
        var survey = new CollectionSurvey();
        var count = 0;
        try
        {
            using var raw = new CountingStream(openRaw(), cancellation);
            var budget = new DecompressionBudget(limits, () => raw.BytesRead);
            var current = "";
            ArchiveReader.Read(raw, format, n => budget.Take(n, current), member =>
            {
                if (++count > limits.MaxMembers) throw new ArchiveBoundException("");
                var name = MemberName.Of(member.Name, limits.MaxPathLevels);
                current = name.Display;
                survey.Observe(name, member);
            }, _ => { }, cancellation); // the read pass reports the notice
        }
        catch (ArchiveBoundException)
        {
            // The read pass meets the same bound and warns about it, naming the member.
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            // Damage is reported by the read pass, with the members before it.
        }
        Surveyed?.Invoke(count);
        var warnings = new List<string>();
        var collection = survey.Conclude(fileName, warnings);
        foreach (var w in warnings) problems.Add("collection", 0, w);
        return collection;
    }

    /// <summary>
    /// What a damaged or hostile stream throws from the decompressors and TarReader/ZipArchive (never a bug to hide: these are the documented failures on bad input).
    /// OverflowException: TarReader reading a GNU base-256 header number (size, mtime, uid) wider than 64 bits (found by the archive fuzz target).
    /// </summary>
    public static bool IsDamage(Exception ex) =>
        ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException or OverflowException
        || (ex is IOException and not FileNotFoundException and not Store.CaseWriteException);
}
