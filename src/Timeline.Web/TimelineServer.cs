using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timeline.Core.Limits;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Query.Execution;
using Timeline.Query.Steps;
using Timeline.Query.Syntax;

namespace Timeline.Web;

/// <summary>
/// <c>timeline serve</c>: a local web view of one case, read-only (the caller opens it with
/// <see cref="ICaseStoreFactory.OpenForRead"/>, which holds the shared lock while serving), listening on
/// 127.0.0.1 only. Minimal APIs: <c>/api/search</c>, <c>/api/histogram</c>, <c>/api/event/{id}</c>,
/// <c>/api/chains</c>, <c>/api/saved</c>, <c>/api/info</c>; the page, script and style from
/// <see cref="EmbeddedAssets"/>. API requests run concurrently, at most <see cref="Bounds.RequestConcurrency"/>
/// at a time (another is answered 503 at once), each for at most <see cref="Bounds.RequestTime"/>
/// (then its query is cancelled and the answer is a 503 JSON error): one costly query cannot hold
/// every other request.
/// </summary>
public static class TimelineServer
{
    private const int MaxPage = 1000;

    /// <summary>Builds the app listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port; read it from <see cref="Address"/> after start).</summary>
    public static WebApplication Build(ICaseStore store, int port) => Build(store, port, Bounds.RequestTime, Bounds.RequestConcurrency);

    /// <summary>The same with another request time limit and concurrency (tests use short ones).</summary>
    public static WebApplication Build(ICaseStore store, int port, TimeSpan requestTime, int concurrency)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(TimelineServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseMiddleware<LocalOnlyHeaders>();
        var gate = new RequestGate(concurrency, requestTime);

        foreach (var name in EmbeddedAssets.Names) app.MapGet("/" + name, () => EmbeddedAssets.Serve(name));
        app.MapGet("/", () => EmbeddedAssets.Serve("index.html"));
        app.MapGet("/api/info", () => Locked(gate, _ => Info(store)));
        app.MapGet("/api/search", (HttpRequest r) => Locked(gate, c => Search(store, r, c)));
        app.MapGet("/api/histogram", (HttpRequest r) => Locked(gate, c => Histogram(store, r, c)));
        app.MapGet("/api/event/{id}", (string id) => Locked(gate, _ => Event(store, id)));
        app.MapGet("/api/chains", () => Locked(gate, _ => Results.Text(ChainContract.Of(store, store.Chains.Load()), "application/json; charset=utf-8")));
        app.MapGet("/api/saved", () => Locked(gate, _ => JsonBody.Write(json =>
        {
            json.WriteStartArray();
            foreach (var q in store.Queries.All())
            {
                json.WriteStartObject();
                json.WriteString("name", q.Name);
                json.WriteString("query", q.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        })));
        return app;
    }

    /// <summary>The address the started app listens on, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public static string Address(WebApplication app) => app.Urls.First().TrimEnd('/') + "/";

    private static async Task<IResult> Locked(RequestGate gate, Func<CancellationToken, IResult> handle)
    {
        if (!gate.TryEnter())
            return Error($"the server is answering {gate.Concurrency} requests already; retry in a moment", StatusCodes.Status503ServiceUnavailable);
        try
        {
            return await gate.RunAsync(handle);
        }
        catch (TimeoutException)
        {
            return Error($"the request took longer than {gate.RequestTime.TotalSeconds:0.#} s and was stopped; narrow the query (a time range, a host, fewer regexes)", StatusCodes.Status503ServiceUnavailable);
        }
        catch (QuerySyntaxException ex)
        {
            return JsonBody.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("error", ex.Problem);
                json.WriteNumber("position", ex.Position);
                json.WriteNumber("length", ex.Length);
                json.WriteEndObject();
            }, StatusCodes.Status400BadRequest);
        }
        catch (BadRequestException ex)
        {
            return Error(ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Error(string message, int status) => JsonBody.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
    }, status);

    private static IResult Info(ICaseStore store)
    {
        var files = store.Files().Where(f => f.State == EvidenceState.Complete).ToList();
        return JsonBody.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("case", Path.GetFileName(store.Location));
            json.WriteNumber("events", files.Sum(f => f.Events));
            json.WriteString("first", TimeText.Format(files.Where(f => f.FirstTicks.HasValue).Select(f => f.FirstTicks).Min()));
            json.WriteString("last", TimeText.Format(files.Where(f => f.LastTicks.HasValue).Select(f => f.LastTicks).Max()));
            json.WriteEndObject();
        });
    }

    private static CompiledQuery Compile(ICaseStore store, HttpRequest r) =>
        CompiledQuery.Compile(store, r.Query["q"].ToString(), new TimeWindow(Time(r, "from"), Time(r, "to")));

    private static long? Time(HttpRequest r, string name)
    {
        var text = r.Query[name].ToString();
        if (text.Length == 0) return null;
        return TimeText.TryParse(text, out var t) ? t : throw new BadRequestException($"'{name}' is not an ISO 8601 time");
    }

    private static int Int(HttpRequest r, string name, int fallback, int max) =>
        int.TryParse(r.Query[name].ToString(), out var v) && v >= 0 ? Math.Min(v, max) : fallback;

    private static IResult Search(ICaseStore store, HttpRequest r, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var limit = Int(r, "limit", 200, MaxPage);
        // The same library call as `timeline query`; one event more than the page says whether there are more.
        var result = QueryStep.ListEvents(store, new QueryRequest
        {
            Text = r.Query["q"].ToString(),
            Window = new TimeWindow(Time(r, "from"), Time(r, "to")),
            NewestFirst = r.Query["sort"] == "-time",
            Offset = Int(r, "offset", 0, int.MaxValue),
            Limit = limit + 1,
            Cancellation = cancellation,
        });
        var page = result.Events.ToList();
        var more = page.Count > limit;
        if (more) page.RemoveAt(page.Count - 1);
        return JsonBody.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("query", result.Text);
            json.WriteString("parsed", result.Syntax);
            json.WriteStartArray("events");
            foreach (var e in page) EventJson.Write(json, e, result.Findings.RulesOf(e.Id), result.Findings.PhaseNameOf(e.Id));
            json.WriteEndArray();
            json.WriteBoolean("more", more);
            json.WriteStartObject("plan");
            json.WriteNumber("total", result.Plan.TotalBlocks);
            json.WriteNumber("chosen", result.Plan.Blocks.Count);
            json.WriteNumber("decoded", result.Scan.BlocksDecoded);
            json.WriteBoolean("usesIndex", result.Plan.UsesIndex);
            json.WriteStartArray("steps");
            foreach (var s in result.Plan.Steps) json.WriteStringValue(s);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber("ms", clock.ElapsedMilliseconds);
            json.WriteEndObject();
        });
    }

    private static IResult Histogram(ICaseStore store, HttpRequest r, CancellationToken cancellation)
    {
        var h = HistogramBuckets.Of(Compile(store, r), cancellation);
        return JsonBody.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("buckets");
            if (h is not null)
            {
                for (var i = 0; i < h.Counts.Length; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("start", TimeText.Format(h.From + i * h.Width));
                    json.WriteString("end", TimeText.Format(h.From + (i + 1) * h.Width));
                    json.WriteNumber("count", h.Counts[i]);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteString("from", h is null ? null : TimeText.Format(h.From));
            json.WriteString("to", h is null ? null : TimeText.Format(h.To));
            json.WriteEndObject();
        });
    }

    private static IResult Event(ICaseStore store, string id)
    {
        var e = EventLookup.Find(store, id);
        if (e is null) return JsonBody.Write(json => { json.WriteStartObject(); json.WriteString("error", "no such event"); json.WriteEndObject(); }, StatusCodes.Status404NotFound);
        var findings = new EventFindings(store);
        return JsonBody.Write(json => EventJson.Write(json, e, findings.RulesOf(e.Id), findings.PhaseNameOf(e.Id)));
    }
}
