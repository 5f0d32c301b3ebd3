using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Report.Digest;

/// <summary>
/// Everything the HTML report shows, gathered from the case once: evidence files, warnings,
/// aggregates, chains, rule matches and one <see cref="EventPass"/>.
/// </summary>
internal sealed class CaseDigest
{
    public const int MaxWarnings = 1_000;

    public required string CasePath { get; init; }
    public required long GeneratedTicks { get; init; }
    public required IReadOnlyList<EvidenceFile> Files { get; init; }
    public required IReadOnlyList<StoredWarning> Warnings { get; init; }
    public required long WarningCount { get; init; }
    public required IReadOnlyList<AttackChain> Chains { get; init; }
    public required EventFindings Notes { get; init; }
    public required IReadOnlyList<AggregateCount> Hosts { get; init; }
    public required IReadOnlyList<AggregateCount> SourceIps { get; init; }
    public required IReadOnlyList<AggregateCount> Users { get; init; }
    public required IReadOnlyList<AggregateCount> EventKinds { get; init; }
    public required long EventCount { get; init; }
    public required long MatchCount { get; init; }
    /// <summary>Every rule that matched, with one of its matches (title, level, tags, author) and its hit count.</summary>
    public required IReadOnlyList<RuleHits> Rules { get; init; }
    public required EventPass Pass { get; init; }

    public static CaseDigest Build(ICaseStore store, ReportOptions options)
    {
        var files = store.Files();
        var chains = store.Chains.Load();
        var notes = new EventFindings(store);
        var rules = RuleHits.Tally(notes.AllMatches());
        var chainIds = ChainEventIds(chains);
        var pass = EventPass.Run(store, notes, chainIds, options.MaxTableEvents, options.Cancellation);
        return new CaseDigest
        {
            CasePath = store.Location,
            GeneratedTicks = options.Clock.GetUtcNow().UtcTicks,
            Files = files,
            Warnings = store.Warnings(MaxWarnings).ToList(),
            WarningCount = files.Sum(f => f.Warnings),
            Chains = chains,
            Notes = notes,
            Hosts = Sorted(store.AggregatesOf(AggregateDimensions.Host)),
            SourceIps = Sorted(store.AggregatesOf(AggregateDimensions.SourceIp)),
            Users = Sorted(store.AggregatesOf(AggregateDimensions.User)),
            EventKinds = Sorted(store.AggregatesOf(AggregateDimensions.Event)),
            EventCount = files.Sum(f => f.Events),
            MatchCount = rules.Sum(r => r.Hits),
            Rules = rules,
            Pass = pass,
        };
    }

    /// <summary>Events the chains point at: entry points, steps, indicators, response evidence, gaps and lateral links.</summary>
    public static IReadOnlySet<string> ChainEventIds(IEnumerable<AttackChain> chains)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chains)
        {
            if (c.Entry?.EventId is { } entry) ids.Add(entry);
            foreach (var r in c.RunnersUp) if (r.EventId is { } id) ids.Add(id);
            foreach (var s in c.Steps) ids.Add(s.EventId);
            foreach (var i in c.Indicators) ids.UnionWith(i.EventIds);
            foreach (var r in c.Response) ids.UnionWith(r.EvidenceEventIds);
            foreach (var g in c.Gaps) if (g.EventId is { } id) ids.Add(id);
            foreach (var l in c.Lateral)
            {
                if (l.FromEventId is { } from) ids.Add(from);
                if (l.ToEventId is { } to) ids.Add(to);
            }
        }
        return ids;
    }

    private static List<AggregateCount> Sorted(IEnumerable<AggregateCount> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
}
