using Timeline.Core.Findings;
using Timeline.Core.Output;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Every folder under <c>sample-logs/scenarios/</c> with an <c>expected-chains.json</c> goes through
/// parse → store → (rules) → chain and is compared with its expectations field by field: entry kind,
/// address, user, event and confidence; events present in each phase; mining start; key IOCs;
/// response items; gaps; moves between hosts — and the noise (admin logins, routine cron, ordinary
/// history) must appear in no step, IOC or response item. Each scenario runs with the bundled rules
/// and without any, because the builder must stand on parsed fields alone.
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
    public void EveryScenarioFolderHasExpectedChains()
    {
        var folders = Directory.EnumerateDirectories(ScenarioCase.ScenarioRoot).Select(Path.GetFileName).ToList();
        Assert.True(folders.Count >= 3, "at least three scenarios");
        Assert.Equal(folders.Order(StringComparer.Ordinal), ScenarioCase.Names());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioChainsMatchTheirExpectations(string scenario, bool withRules)
    {
        var expected = ScenarioExpectation.Load(Path.Combine(ScenarioCase.ScenarioRoot, scenario, "expected-chains.json"));
        var run = ScenarioCase.Run(scenario, withRules);
        Assert.Equal(expected.Chains.Select(c => c.Host).Order(StringComparer.Ordinal), run.Chains.Select(c => c.Host));
        foreach (var want in expected.Chains)
        {
            var chain = run.Chains.Single(c => c.Host == want.Host);
            var where = $"{scenario}/{want.Host} (rules: {withRules}, {run.RuleMatches} matches)";

            Assert.True(chain.Entry is not null, $"{where}: no entry point");
            var entry = chain.Entry!;
            Assert.Equal(want.Entry.Kind, entry.Kind);
            Assert.Equal(want.Entry.SourceIp, entry.SourceIp);
            Assert.Equal(want.Entry.User, entry.User);
            Assert.True(entry.Confidence >= want.Entry.MinConfidence, $"{where}: entry confidence {entry.Confidence}");
            var entryStep = chain.Steps.FirstOrDefault(s => s.EventId == entry.EventId);
            Assert.True(entryStep is not null, $"{where}: the entry event is not a step");
            Assert.Equal(want.Entry.Event, run.Ref(entryStep!.Origin));
            foreach (var text in want.Entry.WhyContains) Assert.Contains(text, entry.Why, StringComparison.Ordinal);

            foreach (var (phaseName, refs) in want.Phases)
            {
                var phase = Enum.Parse<AttackPhase>(phaseName, ignoreCase: true);
                var got = chain.Steps.Where(s => s.Phase == phase).Select(s => run.Ref(s.Origin)).ToList();
                foreach (var r in refs) Assert.True(got.Contains(r), $"{where}: {phaseName} lacks {r}; has {string.Join(", ", got)}");
            }

            Assert.Equal(want.MiningStart, TimeText.Format(chain.MiningStartTicks));

            foreach (var ioc in want.Iocs)
                Assert.True(chain.Indicators.Any(i => i.Type == ioc.Type && i.Value == ioc.Value), $"{where}: IOC {ioc.Type} {ioc.Value} missing; have {string.Join("; ", chain.Indicators.Select(i => i.Type + " " + i.Value))}");

            foreach (var item in want.Response)
                Assert.True(chain.Response.Any(a => a.Category == item.Category && (item.Target is null || (a.Target ?? "").EndsWith(item.Target, StringComparison.Ordinal))),
                    $"{where}: response {item.Category} {item.Target} missing; have {string.Join("; ", chain.Response.Select(a => a.Category + " " + a.Target))}");
            Assert.All(chain.Response, a => Assert.NotEmpty(a.EvidenceEventIds));

            Assert.Equal(want.Gaps.Order(StringComparer.Ordinal), chain.Gaps.Select(g => g.Kind).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(want.Lateral.Select(l => (l.From, l.To)), chain.Lateral.Select(l => (l.FromHost, l.ToHost)));

            var stepRefs = chain.Steps.Select(s => run.Ref(s.Origin)).ToHashSet();
            foreach (var noise in want.AbsentEvents) Assert.False(stepRefs.Contains(noise), $"{where}: noise event {noise} is a step");
            foreach (var noise in want.AbsentIocs)
            {
                Assert.DoesNotContain(chain.Indicators, i => i.Value.Contains(noise, StringComparison.Ordinal));
                Assert.DoesNotContain(chain.Response, a => (a.Target ?? "").Contains(noise, StringComparison.Ordinal));
                Assert.DoesNotContain(chain.RunnersUp, r => (r.SourceIp ?? "") == noise);
            }
            Assert.All(chain.Indicators, i => Assert.All(i.EventIds, id => Assert.False(string.IsNullOrEmpty(id))));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ResponsePlansFollowTheRespondersOrder(string scenario, bool withRules)
    {
        string[] order = ["isolate", "block", "remove", "kill", "rotate", "fix-entry"];
        foreach (var chain in ScenarioCase.Run(scenario, withRules).Chains)
        {
            var ranks = chain.Response.Select(a => Array.IndexOf(order, a.Category)).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.Order(), ranks);
            Assert.Equal(Enumerable.Range(1, chain.Response.Count), chain.Response.Select(a => a.Order));
        }
    }
}
