using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Query.Evaluation;
using Timeline.Query.Fields;
using Timeline.Query.Planning;
using Timeline.Query.Syntax;

namespace Timeline.Query.Execution;

/// <summary>
/// A query parsed, bound and planned against one open case. <see cref="Run"/> streams the matching
/// events in timeline order (or reversed), decoding only the planned blocks, lazily.
/// </summary>
public sealed class CompiledQuery
{
    private CompiledQuery(ICaseStore store, string text, QueryNode syntax, QueryPlan plan, EventFindings findings, FieldCatalog catalog)
    {
        Store = store;
        Text = text;
        Syntax = syntax;
        Plan = plan;
        Findings = findings;
        Catalog = catalog;
    }

    public ICaseStore Store { get; }
    public string Text { get; }
    public QueryNode Syntax { get; }
    public QueryPlan Plan { get; }
    public EventFindings Findings { get; }
    public FieldCatalog Catalog { get; }

    /// <summary>Whether the query selects every event (empty, or <c>*</c>).</summary>
    public bool IsAll => Plan.Filter is BoundAll;

    /// <summary>Parses, binds and plans <c>text</c>; <c>window</c> is an extra time window ANDed with it (<c>--around</c>, a zoom in the web view).</summary>
    public static CompiledQuery Compile(ICaseStore store, string? text, TimeWindow? window = null, EventFindings? findings = null, FieldCatalog? catalog = null)
    {
        text ??= "";
        findings ??= new EventFindings(store);
        catalog ??= ForCase(store);
        var syntax = QueryParser.Parse(text);
        BoundNode bound = new QueryBinder(catalog, text).Bind(syntax);
        if (window is { IsAll: false })
        {
            var time = new BoundTime(window.From, window.To, new MatchAllNode(0));
            bound = bound is BoundAll ? time : new BoundAnd(bound, time);
        }
        var plan = new QueryPlanner(store, findings).Plan(bound);
        return new CompiledQuery(store, text, syntax, plan, findings, catalog);
    }

    /// <summary>A field catalog that looks unknown names up in the case's stored field keys.</summary>
    public static FieldCatalog ForCase(ICaseStore store) => new(() => store.Blocks.FieldNames());

    /// <summary>Starts a run; <paramref name="cancellation"/> is checked as events are read (serve's request time limit).</summary>
    public QueryRun Run(bool descending = false, CancellationToken cancellation = default) => new(this, descending, cancellation);

    public QueryField ResolveField(string name) => Catalog.Resolve(name, name, 0);
}

/// <summary>One execution: the events, and afterwards how many blocks were decoded and events read.</summary>
public sealed class QueryRun : IScanStats
{
    private readonly CompiledQuery _query;
    private readonly TimelineMerge _merge;

    private readonly CancellationToken _cancellation;

    internal QueryRun(CompiledQuery query, bool descending, CancellationToken cancellation = default)
    {
        _query = query;
        _cancellation = cancellation;
        _merge = new TimelineMerge(query.Store.Blocks, query.Plan.Blocks, query.Plan.Window, descending);
    }

    public int BlocksDecoded => _merge.BlocksDecoded;
    public long EventsRead { get; private set; }

    public IEnumerable<EventRecord> Events()
    {
        var filter = _query.Plan.Filter;
        var findings = _query.Findings;
        foreach (var e in _merge.Read())
        {
            EventsRead++;
            _cancellation.ThrowIfCancellationRequested();
            if (filter.Matches(e, findings)) yield return e;
        }
    }
}
