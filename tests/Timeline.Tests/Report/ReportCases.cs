using Timeline.Pipeline;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Parsers;
using Timeline.Report;
using Timeline.Tests.Support;

namespace Timeline.Tests.Report;

/// <summary>Cases for report tests: real samples ingested in-process, plus findings written the way hunt and chain write them.</summary>
public static class ReportCases
{
    public const string Payload = "window.__pwned=1";

    public static string Scenario(string name) => Path.Combine(RepoPaths.SampleLogs, "scenarios", name);

    public static string HostileEvidence => Path.Combine(RepoPaths.SampleLogs, "hostile", "web02");

    public static IEnumerable<string> Scenarios() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.SampleLogs, "scenarios")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Ingests <paramref name="paths"/> into a new case in a temporary folder and returns its path.</summary>
    public static string Ingest(params string[] paths)
    {
        var casePath = Path.Combine(Some.TempDir(), "case.timeline.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, paths, new IngestOptions());
        return casePath;
    }

    /// <summary>
    /// The hostile sample with findings whose every string is attacker-controlled: rule titles,
    /// authors and tags; chain summaries, root cause, indicators, response targets and lateral
    /// evidence all carry the payloads, and point at the hostile events.
    /// </summary>
    public static string HostileWithFindings()
    {
        var casePath = Ingest(HostileEvidence);
        using var store = CaseStores.OpenForWrite(casePath);
        var events = store.Events().ToList();
        var matches = events.Take(12).Select((e, i) => new RuleMatch(e.Id, $"rule-{i}<script>{Payload}</script>",
            $"Hostile \"><img src=x onerror={Payload}> rule {i}", i % 2 == 0 ? "high" : "<b>odd</b>",
            ["attack.t1110.001", "attack.credential-access", $"attack.\"><script>{Payload}</script>"],
            $"Eve </script><script>{Payload}</script> \u202Egnp.exe")).ToList();
        store.Matches.Replace( matches);
        var timed = events.Where(e => e.Ticks is not null).ToList();
        var steps = timed.Take(8).Select((e, i) => new AttackStep(Enum.GetValues<AttackPhase>()[i % 8], e.Ticks, e.TimeQuality, e.Id,
            e.Message, "because " + e.Message, [$"rule-<svg onload={Payload}>"], 0.5, e.Origin)).ToList();
        var entryEvent = timed[0];
        var indicators = events.Select(e => e.Fields.Get("user")).OfType<string>().Distinct()
            .Select(u => new Indicator("user", u, "tried <script>" + Payload + "</script>", [entryEvent.Id])).ToList();
        indicators.Add(new Indicator("url", $"javascript:{Payload}", "download", [entryEvent.Id]));
        var chain = new AttackChain
        {
            Host = entryEvent.Host,
            Entry = new EntryPoint("ssh-bruteforce-success", entryEvent.Message, $"<script>{Payload}</script>", 0.9, entryEvent.Id, entryEvent.Ticks, "203.0.113.66", $"\"><img src=x onerror={Payload}>"),
            RunnersUp = [new EntryPoint("new-source", $"javascript:{Payload}", "\u001b[31mred", 0.2, null, entryEvent.Ticks)],
            RootCause = $"The attacker </script><script>{Payload}</script> got in \u202Eover SSH\u2028 with a guessed password.",
            Steps = steps,
            Indicators = indicators,
            Response = [new ResponseAction(1, "isolate", $"Isolate <img src=x onerror={Payload}>", $"javascript:{Payload}", [entryEvent.Id]),
                        new ResponseAction(2, "remove", "Remove the cron line", new string('Z', 100_000), [timed[^1].Id])],
            Gaps = [new EvidenceGap("history-cleared", $"<script>{Payload}</script>", entryEvent.Ticks, timed[^1].Ticks, null)],
            Lateral = [new LateralLink(entryEvent.Host, $"<svg/onload={Payload}>", $"ssh <script>{Payload}</script>", entryEvent.Id, timed[^1].Id, timed[^1].Ticks)],
            MiningStartTicks = timed[^1].Ticks,
            Confidence = 0.8,
            // What a collector saw running: the command line and user are the attacker's to choose.
            LiveState = new LiveState(timed[^1].Ticks, TimeQuality.Snapshot,
                [new LiveProcess(4242, $"<img src=x onerror={Payload}>", $"/tmp/.x/kswapd0 --url <svg onload={Payload}> \u001b[31m\u202Eniam [red]x[/]", 398.5, $"named like <b>kswapd0</b> {Payload}", true, [entryEvent.Id])],
                [new LiveConnection(4242, $"<svg/onload={Payload}>", "198.51.100.7:3333", $"port </script><script>{Payload}</script>", [entryEvent.Id])]),
        };
        var second = new AttackChain { Host = $"<svg/onload={Payload}>", Entry = new EntryPoint("lateral", "from web02", "key", 0.7, timed[^1].Id, timed[^1].Ticks), Confidence = 0.6 };
        store.Chains.Replace( [chain, second]);
        return casePath;
    }

    public static string Render(string casePath, string format, ReportOptions? options = null)
    {
        using var store = CaseStores.OpenForRead(casePath);
        using var buffer = new MemoryStream();
        ReportFormats.Find(format)!.Write(store, buffer, options ?? ReportOptions.Default);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
