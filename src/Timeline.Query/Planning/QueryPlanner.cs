using Timeline.Core.Output;
using Timeline.Core.Vocabulary;
using Timeline.Core.Store;
using Timeline.Query.Evaluation;
using Timeline.Query.Fields;
using Timeline.Query.Syntax;

namespace Timeline.Query.Planning;

/// <summary>
/// Chooses the blocks a query must decode, from indexes only. Per term: time → the <c>lo</c>
/// index of <c>blockinfo</c> and each block's <c>hi</c>; host and parser → the distinct values
/// (from the block summaries) that pass the term's test, then the <c>h</c>/<c>p</c> multikey
/// indexes; file and sha256 → the files that pass, then the <c>f</c> index; rule, level, tag →
/// the events in the <c>matches</c> collection that pass, then the blocks holding those event ids
/// (file hash prefix + position range); phase → the chain steps likewise; id → its block.
/// AND intersects, OR unites, NOT and other fields choose every block. The chosen blocks are a
/// superset: the per-event filter (the whole query) decides.
/// </summary>
public sealed class QueryPlanner(ICaseStore store, EventFindings findings)
{
    private readonly List<string> _steps = [];
    private IReadOnlyList<BlockSummary>? _all;
    private EventBlockLocator? _locator;

    private int? _total;

    private IReadOnlyList<BlockSummary> AllBlocks => _all ??= store.Blocks.All();

    private int Total => _total ??= store.Blocks.Count();

    public QueryPlan Plan(BoundNode filter)
    {
        var window = TopLevelWindow(filter);
        var chosen = Choose(filter);
        // Few blocks chosen: fetch just their summaries by id; otherwise read them all (small).
        var summaries = chosen is null ? AllBlocks : _all is not null ? _all.Where(b => chosen.Contains(b.Id)) : store.Blocks.WithIds(chosen);
        var blocks = summaries.Where(b => window.Overlaps(b.Lo, b.Hi)).ToList();
        if (chosen is null && !window.IsAll)
            _steps.Add($"time window bounds the merge: {blocks.Count} blocks overlap it");
        if (chosen is null && window.IsAll)
            _steps.Add("no index applies: every block is a candidate (full scan with the per-event filter)");
        return new QueryPlan(window, blocks, Total, chosen is not null || !window.IsAll, filter, _steps);
    }

    /// <summary>The intersection of the time terms ANDed at the top: the merge stops at its end.</summary>
    private static TimeWindow TopLevelWindow(BoundNode node)
    {
        long? from = null, to = null;
        foreach (var t in Conjuncts(node).OfType<BoundTime>())
        {
            if (t.From is { } f) from = from is { } cur ? Math.Max(cur, f) : f;
            if (t.To is { } u) to = to is { } cur ? Math.Min(cur, u) : u;
        }
        if (from is { } a && to is { } b && a >= b) to = a;
        return new TimeWindow(from, to);
    }

    private static IEnumerable<BoundNode> Conjuncts(BoundNode node) =>
        node is BoundAnd and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [node];

    /// <summary>The block ids that may hold matches, or null when the node does not narrow the blocks.</summary>
    private HashSet<long>? Choose(BoundNode node)
    {
        switch (node)
        {
            case BoundAnd and:
            {
                var l = Choose(and.Left);
                var r = Choose(and.Right);
                if (l is null) return r;
                if (r is null) return l;
                l.IntersectWith(r);
                return l;
            }
            case BoundOr or:
            {
                var l = Choose(or.Left);
                var r = Choose(or.Right);
                if (l is null || r is null) return null;
                l.UnionWith(r);
                return l;
            }
            case BoundTime time:
            {
                var w = new TimeWindow(time.From, time.To);
                if (w.IsAll) return null;
                var found = store.Blocks.InWindow(w);
                Step(time, "blockinfo " + found.Plan, null, found.Ids);
                return found.Ids;
            }
            case BoundTerm term:
                return Term(term);
            default:
                return null;
        }
    }

    private HashSet<long>? Term(BoundTerm term)
    {
        switch (term.Field.Kind)
        {
            case FieldKind.Host:
            {
                var values = store.Blocks.DistinctHosts().Where(term.Test).ToList();
                var found = store.Blocks.WithHost(values);
                Step(term, "blockinfo " + found.Plan, values, found.Ids);
                return found.Ids;
            }
            case FieldKind.Parser:
            {
                var values = store.Blocks.DistinctParsers().Where(term.Test).ToList();
                var found = store.Blocks.WithParser(values);
                Step(term, "blockinfo " + found.Plan, values, found.Ids);
                return found.Ids;
            }
            case FieldKind.File or FieldKind.Sha256:
            {
                var files = store.Blocks.CompleteFiles()
                    .Where(f => term.Field.Kind == FieldKind.Sha256 ? term.Test(f.Key) : term.Test(f.Value) || term.Test(Path.GetFileName(f.Value)))
                    .ToList();
                var found = store.Blocks.OfFiles(files.Select(f => f.Key));
                Step(term, "blockinfo " + found.Plan, files.Select(f => f.Value).ToList(), found.Ids);
                return found.Ids;
            }
            case FieldKind.Id when term.Source is TermNode { Value.Kind: TermKind.Word or TermKind.Phrase } t:
            {
                var ids = Locator.Locate(t.Value.Text).Select(b => b.Id).ToHashSet();
                Step(term, "event id → file hash prefix + position range", null, ids);
                return ids;
            }
            case FieldKind.Rule or FieldKind.Level or FieldKind.Tag:
            {
                var events = findings.AllMatches().Where(m => MatchPasses(term, m)).Select(m => m.EventId).Distinct(StringComparer.Ordinal).ToList();
                var ids = BlocksOf(events);
                Step(term, $"matches collection: {events.Count} events", null, ids);
                return ids;
            }
            case FieldKind.Phase:
            {
                var events = findings.Phases.Where(kv => term.Test(PhaseTable.Name(kv.Value))).Select(kv => kv.Key).ToList();
                var ids = BlocksOf(events);
                Step(term, $"chains (phase by event): {events.Count} events", null, ids);
                return ids;
            }
            default:
                return null;
        }
    }

    private static bool MatchPasses(BoundTerm term, Core.Findings.RuleMatch m) => term.Field.Kind switch
    {
        FieldKind.Rule => term.Test(m.RuleId) || term.Test(m.Title),
        FieldKind.Level => term.Test(m.Level),
        _ => m.Tags.Any(tag => term.Test(tag) || (tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && term.Test(tag["attack.".Length..]))),
    };

    private EventBlockLocator Locator => _locator ??= new EventBlockLocator(AllBlocks);

    private HashSet<long> BlocksOf(IEnumerable<string> eventIds) =>
        eventIds.SelectMany(Locator.Locate).Select(b => b.Id).ToHashSet();

    private void Step(BoundNode node, string how, IReadOnlyList<string>? values, HashSet<long> ids)
    {
        var shown = values is null ? "" : values.Count == 0 ? " (no value in the case passes)" : $" = {string.Join(", ", values.Take(5))}{(values.Count > 5 ? $", … ({values.Count})" : "")}";
        _steps.Add($"{node}: {how}{shown} → {ids.Count} of {Total} blocks");
    }
}
