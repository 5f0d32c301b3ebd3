using System.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Query.Execution;
using Timeline.Query.Fields;
using Timeline.Query.Output;

namespace Timeline.Query.Steps;

/// <summary>
/// The query library's entry point: one <see cref="QueryRequest"/> against an open case, one
/// <see cref="QueryResult"/>. It resolves saved queries and <c>--around</c>, compiles and plans the
/// query (<see cref="CompiledQuery"/>), and runs the workflow asked for — list, stack, first/last
/// per value, explain. <c>timeline query</c> and <c>serve</c> both call it, so the two cannot drift.
/// It lives in Timeline.Query, not the pipeline project, because <c>serve</c> (Timeline.Web) uses it
/// and needs nothing of ingest, detection, reports or a store backend.
/// </summary>
public static class QueryStep
{
    public static QueryResult Run(ICaseStore store, QueryRequest request)
    {
        var clock = Stopwatch.StartNew();
        var saved = request.SaveAs is { } name ? Save(store, name, request.Text) : null;
        if (request.ListSaved) return new SavedQueryList(store.Queries.All()) { Saved = saved };

        var text = request.RunSaved is { } runName ? WithSaved(store, runName, request.Text) : request.Text;
        var window = request.Window;
        EventRecord? anchor = null;
        if (request.Around is { } id)
        {
            anchor = EventLookup.Find(store, id)
                ?? throw new QueryRequestException($"no event with id '{id}' in this case (ids look like 98e642b88774-64; see the id column of --format jsonl)");
            if (anchor.SortTicks is null) throw new QueryRequestException($"event {anchor.Id} has no position on the timeline, so nothing is around it");
            var around = EventLookup.Around(anchor, request.AroundSpan);
            window = new TimeWindow(Max(window.From, around.From), Min(window.To, around.To));
        }

        var query = CompiledQuery.Compile(store, text, window);
        var planned = clock.Elapsed;
        var columns = request.Fields is { } list ? ColumnSet.Parse(list, query.Catalog) : null;
        if (request.CountBy is { } countBy)
        {
            var field = query.ResolveField(countBy);
            var counts = Stacking.CountBy(query, field, out var stats);
            var rows = Stacking.Order(counts, request.Rare).Take(request.Top).ToList();
            return new QueryCounts(field.Name, rows, counts.Count, Stacking.UsesAggregate(query, field), stats, query.Plan.TotalBlocks, clock.Elapsed) { Saved = saved };
        }

        QueryRun run;
        IEnumerable<EventRecord> events;
        if ((request.FirstOf ?? request.LastOf) is { } perValue)
        {
            IEnumerable<EventRecord> chosen = Stacking.FirstPerValue(query, query.ResolveField(perValue), last: request.FirstOf is null, out run);
            events = request.NewestFirst ? chosen.Reverse() : chosen;
        }
        else
        {
            run = query.Run(descending: request.NewestFirst, request.Cancellation);
            events = run.Events();
        }
        events = Cancellable(events.Skip(request.Offset).Take(request.Limit), request.Cancellation);

        if (request.Explain)
        {
            var listed = events.Count();
            var plan = query.Plan;
            return new QueryExplanation(query.Text, query.Syntax.ToString(), plan.Window, plan.Steps, plan.Blocks.Count, plan.TotalBlocks, plan.UsesIndex,
                plan.Filter.ToString() ?? "", run.BlocksDecoded, run.EventsRead, listed, planned, clock.Elapsed - planned) { Saved = saved };
        }
        return new QueryEvents(query.Text, query.Syntax.ToString(), query.Findings.Join(events), query.Findings, columns, anchor, query.Plan, run) { Saved = saved };
    }

    /// <summary>The events of a plain listing (no counting, no explanation): what the web view pages through.</summary>
    public static QueryEvents ListEvents(ICaseStore store, QueryRequest request) =>
        Run(store, request with { CountBy = null, Explain = false, ListSaved = false }) as QueryEvents
        ?? throw new InvalidOperationException("a listing returns events");

    /// <summary>Checks the query compiles, then saves it (replacing one of the same name).</summary>
    private static SavedQuery Save(ICaseStore store, string name, string text)
    {
        if (!store.Writable) throw new InvalidOperationException("saving a query needs the case opened for writing");
        _ = CompiledQuery.Compile(store, text);
        var saved = new SavedQuery(name, text, DateTime.UtcNow.Ticks);
        store.Queries.Save(saved);
        return saved;
    }

    /// <summary>The saved query's text, ANDed with <paramref name="text"/> when that is not empty.</summary>
    private static string WithSaved(ICaseStore store, string name, string text)
    {
        var saved = store.Queries.Find(name);
        if (saved is null)
        {
            var names = store.Queries.All().Select(q => q.Name).ToList();
            var close = CloseMatches.Of(name, names);
            throw new QueryRequestException($"no saved query named '{name}'" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : names.Count > 0 ? $"; saved: {string.Join(", ", names)}" : "; none are saved in this case"));
        }
        return text.Length == 0 ? saved.Text : $"({saved.Text}) AND ({text})";
    }

    private static IEnumerable<EventRecord> Cancellable(IEnumerable<EventRecord> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
