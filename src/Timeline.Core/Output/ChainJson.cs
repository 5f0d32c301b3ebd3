using Timeline.Core.Vocabulary;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Core.Output;

/// <summary>
/// The public JSON contract of attack chains (issue 5; <c>timeline chain --format json</c>), written
/// from the <see cref="AttackChain"/> records — a mapping, not a model of its own. Scripts depend on
/// it: extend only, never rename or remove.
/// <code>
/// {"chains":[{"host",
///   "entry":{"time","summary","user","sourceIp","method","eventIds","confidence", +kind,why,origin},
///   "steps":[{"phase","time","summary","eventIds","rules","attack", +timeQuality,why,confidence,origin}],
///   "iocs":{"ips","domains","urls","files","users","sshKeys","wallets","cron","services", +pools,processes,tasks,hosts},
///   "response":[{"action","target","evidence", +order,category,evidenceOrigins}],
///   "gaps":[{"kind","summary","from","to","eventIds"}],
///   "lateral":[{"toHost","time","via", +fromHost,direction,eventIds}],
///   +"runnersUp","rootCause","miningStart","confidence",
///   +"liveState":{"collectedAt","processes":[{"pid","user","command","cpu","why", +mining,process,exe,eventIds}],
///                 "connections":[{"pid","process","remote","why", +eventIds}], +timeQuality} or null}]}
/// </code>
/// Times are ISO 8601 UTC with <c>Z</c> (<see cref="TimeText.Format(long)"/>) or null. <c>method</c> is
/// how the attacker got in (the entry kind: <c>ssh-bruteforce-success</c>, <c>exploited-service</c>,
/// <c>lateral</c>, …). <c>attack</c> lists the ATT&amp;CK technique ids of a step: those tagged on the
/// rules that matched its event, and those the builder's analytic cites at the end of the step's
/// reason (<c>… [ATT&amp;CK T1053.003, T1105]</c>). <c>origin</c> and <c>evidenceOrigins</c> give the
/// evidence file and line (or record) of the events, so readers need not look ids up.
/// A chain's <c>lateral</c> lists moves out of its host (<c>direction: "out"</c>) and into it
/// (<c>"in"</c>); <c>toHost</c> is always the destination. <c>liveState</c> is what a triage collector saw
/// running (null when the host has no live-state evidence): only suspicious processes, each with its
/// <c>why</c>, and their connections to pools; <c>collectedAt</c> is the collection time.
/// </summary>
public static class ChainJson
{

    /// <summary>The IOC lists of the contract and the indicator types each holds.</summary>
    private static readonly (string Key, string[] Types)[] IocLists =
    [
        ("ips", ["ip"]), ("domains", ["domain"]), ("urls", ["url"]), ("files", ["file", "path"]), ("users", ["user"]),
        ("sshKeys", ["ssh-key"]), ("wallets", ["wallet"]), ("cron", ["cron"]), ("services", ["service"]),
        ("pools", ["pool"]), ("processes", ["process"]), ("tasks", ["task"]), ("hosts", ["host"]),
    ];

    /// <summary>Writes <c>{"chains":[…]}</c>. <paramref name="matches"/> (rule matches by event id) supplies rule tags for <c>attack</c>.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<AttackChain> chains, IRuleMatchLookup? matches = null)
    {
        json.WriteStartObject();
        json.WriteStartArray("chains");
        foreach (var chain in chains) WriteChain(json, chain, chains, matches);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string ToText(IReadOnlyList<AttackChain> chains, IRuleMatchLookup? matches = null, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, EventJson.WriterOptions with { Indented = indented })) Write(json, chains, matches);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>ATT&amp;CK technique ids of a step: its own <see cref="AttackStep.Techniques"/> and its rules' tags (chains stored before the field existed carry only the latter).</summary>
    public static IReadOnlyList<string> Techniques(AttackStep step, IRuleMatchLookup? matches)
    {
        return step.Techniques.Concat(TechniqueIds.OfRules(step.EventId, step.RuleIds, matches)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static void WriteChain(Utf8JsonWriter json, AttackChain c, IReadOnlyList<AttackChain> all, IRuleMatchLookup? matches)
    {
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var s in c.Steps) origins.TryAdd(s.EventId, s.Origin);
        // Inbound moves cite the peer's events; the peer's steps know their origin.
        foreach (var other in all)
            foreach (var s in other.Steps) origins.TryAdd(s.EventId, s.Origin);

        json.WriteStartObject();
        json.WriteString("host", c.Host);
        if (c.Entry is { } e) WriteEntry(json, "entry", e, origins);
        else json.WriteNull("entry");

        json.WriteStartArray("steps");
        foreach (var s in c.Steps)
        {
            json.WriteStartObject();
            json.WriteString("phase", PhaseTable.Name(s.Phase));
            WriteTime(json, "time", s.Ticks);
            json.WriteString("timeQuality", TimeQualityText.Format(s.TimeQuality));
            json.WriteString("summary", s.Summary);
            Strings(json, "eventIds", [s.EventId]);
            Strings(json, "rules", s.RuleIds);
            Strings(json, "attack", Techniques(s, matches));
            json.WriteString("why", s.Why);
            json.WriteNumber("confidence", s.Confidence);
            WriteOrigin(json, "origin", s.Origin);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("iocs");
        foreach (var (key, types) in IocLists)
            Strings(json, key, c.Indicators.Where(i => types.Contains(i.Type)).Select(i => i.Value).Distinct(StringComparer.Ordinal));
        json.WriteStartArray("all");
        foreach (var i in c.Indicators)
        {
            json.WriteStartObject();
            json.WriteString("type", i.Type);
            json.WriteString("value", i.Value);
            json.WriteString("role", i.Role);
            Strings(json, "eventIds", i.EventIds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("response");
        foreach (var a in c.Response)
        {
            json.WriteStartObject();
            json.WriteString("action", a.Action);
            if (a.Target is null) json.WriteNull("target");
            else json.WriteString("target", a.Target);
            Strings(json, "evidence", a.EvidenceEventIds);
            json.WriteNumber("order", a.Order);
            json.WriteString("category", a.Category);
            json.WriteStartArray("evidenceOrigins");
            foreach (var id in a.EvidenceEventIds)
                if (origins.TryGetValue(id, out var o)) WriteOrigin(json, null, o);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("gaps");
        foreach (var g in c.Gaps)
        {
            json.WriteStartObject();
            json.WriteString("kind", g.Kind);
            json.WriteString("summary", g.Summary);
            WriteTime(json, "from", g.FromTicks);
            WriteTime(json, "to", g.ToTicks);
            Strings(json, "eventIds", g.EventId is null ? [] : [g.EventId]);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("lateral");
        foreach (var l in c.Lateral)
        {
            json.WriteStartObject();
            json.WriteString("toHost", l.ToHost);
            WriteTime(json, "time", l.Ticks);
            json.WriteString("via", l.Evidence);
            json.WriteString("fromHost", l.FromHost);
            json.WriteString("direction", l.FromHost == c.Host ? "out" : "in");
            Strings(json, "eventIds", new[] { l.FromEventId, l.ToEventId }.OfType<string>());
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("runnersUp");
        foreach (var r in c.RunnersUp) WriteEntry(json, null, r, origins);
        json.WriteEndArray();
        json.WriteString("rootCause", c.RootCause);
        WriteTime(json, "miningStart", c.MiningStartTicks);
        json.WriteNumber("confidence", c.Confidence);
        WriteLiveState(json, c.LiveState);
        json.WriteEndObject();
    }

    /// <summary><c>"liveState"</c>: null when the host has no live-state evidence; else the collection time and the listed processes and connections.</summary>
    private static void WriteLiveState(Utf8JsonWriter json, LiveState? live)
    {
        if (live is null)
        {
            json.WriteNull("liveState");
            return;
        }
        json.WriteStartObject("liveState");
        WriteTime(json, "collectedAt", live.CollectedAtTicks);
        json.WriteString("timeQuality", TimeQualityText.Format(live.TimeQuality));
        json.WriteStartArray("processes");
        foreach (var p in live.Processes)
        {
            json.WriteStartObject();
            json.WriteNumber("pid", p.Pid);
            if (p.User is null) json.WriteNull("user");
            else json.WriteString("user", p.User);
            json.WriteString("command", p.Command);
            if (p.Cpu is { } cpu) json.WriteNumber("cpu", cpu);
            else json.WriteNull("cpu");
            json.WriteString("why", p.Why);
            json.WriteBoolean("mining", p.Mining);
            if (p.Process is null) json.WriteNull("process");
            else json.WriteString("process", p.Process);
            if (p.Exe is null) json.WriteNull("exe");
            else json.WriteString("exe", p.Exe);
            Strings(json, "eventIds", p.EventIds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("connections");
        foreach (var c in live.Connections)
        {
            json.WriteStartObject();
            json.WriteNumber("pid", c.Pid);
            if (c.Process is null) json.WriteNull("process");
            else json.WriteString("process", c.Process);
            json.WriteString("remote", c.Remote);
            json.WriteString("why", c.Why);
            Strings(json, "eventIds", c.EventIds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, string? name, EntryPoint e, Dictionary<string, Origin> origins)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        WriteTime(json, "time", e.Ticks);
        json.WriteString("summary", e.Summary);
        if (e.User is null) json.WriteNull("user");
        else json.WriteString("user", e.User);
        if (e.SourceIp is null) json.WriteNull("sourceIp");
        else json.WriteString("sourceIp", e.SourceIp);
        json.WriteString("method", e.Kind);
        Strings(json, "eventIds", e.EventId is null ? [] : [e.EventId]);
        json.WriteNumber("confidence", e.Confidence);
        json.WriteString("kind", e.Kind);
        json.WriteString("why", e.Why);
        if (e.EventId is not null && origins.TryGetValue(e.EventId, out var o)) WriteOrigin(json, "origin", o);
        else json.WriteNull("origin");
        json.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter json, string? name, Origin o)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        json.WriteString("file", o.File);
        json.WriteNumber(o.Kind == PositionKind.Record ? "record" : "line", o.Position);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, long? ticks)
    {
        if (ticks is { } t) json.WriteString(name, TimeText.Format(t));
        else json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
