using System.Text.Json.Nodes;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Every folder under <c>sample-logs/scenarios/</c> holds an <c>expected-chain.json</c>: the folders to
/// ingest (<c>inputs</c>, one PATH argument each), the subset of the chain JSON contract that must
/// match (<c>chains</c>: hosts, entry time/user/sourceIp/method/origin, steps by phase, time and
/// evidence line, IOC lists, response actions and targets, gap kinds, moves between hosts) and the
/// <c>noise</c> per host — admin logins, routine cron, ordinary history — that must land in no chain.
/// The scenario goes through the real pipeline (parsers → case → bundled rules → chain builder →
/// contract writer) and is compared field by field. Each runs with the bundled rules and without any,
/// because the builder must stand on parsed fields alone.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string, bool> Scenarios()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in ScenarioCase.Names())
        {
            data.Add(name, false);
            data.Add(name, true);
        }
        return data;
    }

    [Fact]
    public void EveryScenarioFolderHasAnExpectedChainAndAReadme()
    {
        var folders = Directory.EnumerateDirectories(ScenarioCase.ScenarioRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.True(folders.Count >= 5, "at least five scenarios");
        Assert.Equal(folders, ScenarioCase.Names());
        foreach (var f in folders)
        {
            var readme = File.ReadAllText(Path.Combine(ScenarioCase.ScenarioRoot, f, "README.md"));
            Assert.Contains("Synthetic", readme, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Ground truth", readme, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(Path.Combine(ScenarioCase.ScenarioRoot, f, "expected-chains.json")), $"{f}: the old expected-chains.json is still there");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ChainContractMatchesTheExpectedChain(string scenario, bool withRules)
    {
        var expected = ScenarioCase.Expected(scenario);
        var run = ScenarioCase.Run(scenario, withRules);
        var diffs = ContractMatch.Differences(new JsonObject { ["chains"] = expected["chains"]!.DeepClone() }, run.Contract, ContractMatch.ScenarioMode);
        Assert.True(diffs.Count == 0, $"{scenario} (rules: {withRules}, {run.RuleMatches} matches):\n" + string.Join("\n", diffs));
    }

    /// <summary>The contract's <c>attack</c> list is the step's own technique field: analytics and rule tags fill it, nothing is recovered from prose.</summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryStepCarriesTheTechniquesTheContractLists(string scenario, bool withRules)
    {
        var run = ScenarioCase.Run(scenario, withRules);
        var chains = run.Contract["chains"]!.AsArray();
        Assert.Equal(run.Chains.Count, chains.Count);
        var cited = 0;
        for (var c = 0; c < chains.Count; c++)
        {
            var steps = chains[c]!["steps"]!.AsArray();
            for (var s = 0; s < steps.Count; s++)
            {
                var step = run.Chains[c].Steps[s];
                Assert.True(steps[s]!["attack"]!.AsArray().Select(t => (string)t!).SequenceEqual(step.Techniques), $"{step.Summary} / {step.Why} / {string.Join(",", step.RuleIds)} / {step.EventId}");
                Assert.DoesNotContain("[ATT&CK", step.Why, StringComparison.Ordinal);
                cited += step.Techniques.Count;
            }
        }
        Assert.True(cited > 0, $"{scenario}: no step names a technique");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void NoiseLandsInNoChain(string scenario, bool withRules)
    {
        var noise = ScenarioCase.Expected(scenario)["noise"]!.AsObject();
        Assert.NotEmpty(noise);
        var run = ScenarioCase.Run(scenario, withRules);
        var chains = run.Contract["chains"]!.AsArray().Select(c => c!.AsObject()).ToList();
        foreach (var (host, spec) in noise)
        {
            var events = spec!["events"]!.AsArray().Select(e => (string)e!).ToList();
            var values = spec["values"]!.AsArray().Select(e => (string)e!).ToList();
            Assert.True(events.Count > 0, $"{scenario}/{host}: list the noise events");
            foreach (var chain in chains)
            {
                var where = $"{scenario}: chain of {chain["host"]} (rules: {withRules})";
                var cited = Origins(chain).ToHashSet(StringComparer.Ordinal);
                foreach (var e in events) Assert.False(cited.Contains(e), $"{where}: noise event {e} is cited");
                var texts = Strings(chain["iocs"]).Concat(chain["response"]!.AsArray().Select(r => (string?)r!["target"] ?? ""))
                    .Concat(chain["runnersUp"]!.AsArray().Select(r => (string?)r!["sourceIp"] ?? "")).ToList();
                foreach (var v in values) Assert.DoesNotContain(texts, t => t.Contains(v, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ResponsePlansFollowTheRespondersOrderAndCiteEvidence(string scenario, bool withRules)
    {
        string[] order = ["isolate", "block", "remove", "kill", "rotate", "fix-entry"];
        foreach (var chain in ScenarioCase.Run(scenario, withRules).Contract["chains"]!.AsArray())
        {
            var response = chain!["response"]!.AsArray();
            var ranks = response.Select(a => Array.IndexOf(order, (string)a!["category"]!)).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.Order(), ranks);
            Assert.Equal(Enumerable.Range(1, response.Count), response.Select(a => (int)a!["order"]!));
            Assert.All(response, a => Assert.NotEmpty(a!["evidence"]!.AsArray()));
        }
    }

    /// <summary><c>file:line</c> of every event a chain cites: entry, runners-up, steps, response evidence.</summary>
    private static IEnumerable<string> Origins(JsonObject chain)
    {
        static string? Ref(JsonNode? o) => o is JsonObject x ? $"{(string)x["file"]!}:{(x["line"] ?? x["record"])}" : null;
        yield return Ref(chain["entry"]?["origin"]) ?? "";
        foreach (var r in chain["runnersUp"]!.AsArray()) yield return Ref(r!["origin"]) ?? "";
        foreach (var s in chain["steps"]!.AsArray()) yield return Ref(s!["origin"])!;
        foreach (var a in chain["response"]!.AsArray())
            foreach (var o in a!["evidenceOrigins"]!.AsArray()) yield return Ref(o)!;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "all" ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
