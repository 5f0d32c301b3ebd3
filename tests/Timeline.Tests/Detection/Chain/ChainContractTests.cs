using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Output;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>The chain JSON contract of issue 5: every listed key with exactly its name, times in UTC with Z, ATT&amp;CK ids per step.</summary>
public sealed class ChainContractTests
{
    private static readonly Regex Time = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$");

    private static AttackChain Sample()
    {
        var origin = new Origin("/evidence/web01/auth.log", new string('a', 64), 140);
        var t = new DateTime(2024, 3, 2, 3, 15, 2, DateTimeKind.Utc).Ticks;
        return new AttackChain
        {
            Host = "web01",
            Entry = new EntryPoint("ssh-bruteforce-success", "SSH logon as 'root'", "35 failed logons", 0.95, "ev-1", t, "203.0.113.45", "root"),
            RunnersUp = [new EntryPoint("new-source", "other", "why", 0.4, null, null)],
            RootCause = "They guessed the password.",
            Steps =
            [
                new AttackStep(AttackPhase.Entry, t, TimeQuality.Exact, "ev-1", "logon", "brute force", ["rule-a"], 0.95, origin) { Techniques = ["T1110.001", "T1078"] },
                new AttackStep(AttackPhase.Persistence, null, TimeQuality.FileMtime, "ev-2", "cron line", "a cron line", [], 0.8, origin with { Position = 5 }) { Techniques = ["T1053.003"] },
            ],
            Indicators = [new Indicator("ip", "203.0.113.45", "entry", ["ev-1"]), new Indicator("pool", "pool.example:3333", "mining pool", ["ev-2"]), new Indicator("cron", "root: * * * * * x", "persistence", ["ev-2"])],
            Response = [new ResponseAction(1, "isolate", "Isolate web01", "web01", ["ev-1"]), new ResponseAction(2, "remove", "Remove line 5", "/var/spool/cron/crontabs/root:5", ["ev-2"])],
            Gaps = [new EvidenceGap("history-cleared", "history cleared", t, null, "ev-1")],
            Lateral = [new LateralLink("web01", "db01", "ssh -i key", "ev-1", "ev-9", t)],
            MiningStartTicks = t,
            Confidence = 0.9,
        };
    }

    [Fact]
    public void EveryKeyOfTheContractIsThereWithItsName()
    {
        var matches = new Dictionary<string, List<RuleMatch>> { ["ev-1"] = [new RuleMatch("ev-1", "rule-a", "SSH brute force", "high", ["attack.credential-access", "attack.t1110.001", "attack.T1021.004"], "Timeline project")] };
        using var doc = JsonDocument.Parse(ChainJson.ToText([Sample()], new RuleMatchesByEvent(matches)));
        var chain = Assert.Single(doc.RootElement.GetProperty("chains").EnumerateArray());
        Assert.Equal("web01", chain.GetProperty("host").GetString());
        var entry = chain.GetProperty("entry");
        foreach (var key in new[] { "time", "summary", "user", "sourceIp", "method", "eventIds", "confidence" }) Assert.True(entry.TryGetProperty(key, out _), "entry." + key);
        Assert.Equal("ssh-bruteforce-success", entry.GetProperty("method").GetString());
        Assert.Matches(Time, entry.GetProperty("time").GetString()!);
        Assert.Equal("2024-03-02T03:15:02.0000000Z", entry.GetProperty("time").GetString());
        Assert.Equal(["ev-1"], entry.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()));

        var steps = chain.GetProperty("steps").EnumerateArray().ToList();
        foreach (var s in steps)
            foreach (var key in new[] { "phase", "time", "summary", "eventIds", "rules", "attack" }) Assert.True(s.TryGetProperty(key, out _), "steps[]." + key);
        Assert.Equal("entry", steps[0].GetProperty("phase").GetString());
        Assert.Equal(["T1021.004", "T1078", "T1110.001"], steps[0].GetProperty("attack").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["T1053.003"], steps[1].GetProperty("attack").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("time").ValueKind);
        Assert.Equal(5, steps[1].GetProperty("origin").GetProperty("line").GetInt32());

        var iocs = chain.GetProperty("iocs");
        foreach (var key in new[] { "ips", "domains", "urls", "files", "users", "sshKeys", "wallets", "cron", "services" })
            Assert.Equal(JsonValueKind.Array, iocs.GetProperty(key).ValueKind);
        Assert.Equal(["203.0.113.45"], iocs.GetProperty("ips").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["root: * * * * * x"], iocs.GetProperty("cron").EnumerateArray().Select(e => e.GetString()));

        foreach (var r in chain.GetProperty("response").EnumerateArray())
            foreach (var key in new[] { "action", "target", "evidence" }) Assert.True(r.TryGetProperty(key, out _), "response[]." + key);
        Assert.Equal("remove", chain.GetProperty("response")[1].GetProperty("category").GetString());
        Assert.Equal(5, chain.GetProperty("response")[1].GetProperty("evidenceOrigins")[0].GetProperty("line").GetInt32());

        Assert.Equal("history-cleared", chain.GetProperty("gaps")[0].GetProperty("kind").GetString());
        var lateral = chain.GetProperty("lateral")[0];
        foreach (var key in new[] { "toHost", "time", "via" }) Assert.True(lateral.TryGetProperty(key, out _), "lateral[]." + key);
        Assert.Equal("db01", lateral.GetProperty("toHost").GetString());
        Assert.Equal("out", lateral.GetProperty("direction").GetString());
        Assert.Matches(Time, chain.GetProperty("miningStart").GetString()!);
    }

    [Fact]
    public void TechniquesComeFromTheStepsFieldNeverFromItsProse()
    {
        var cited = new AttackStep(AttackPhase.Execution, null, TimeQuality.Exact, "e", "s", "downloads a script [ATT&CK T1105]", [], 0.5, new Origin("f", "s", 1));
        Assert.Empty(ChainJson.Techniques(cited, null));
        Assert.Equal(["T1059.004", "T1105"], ChainJson.Techniques(cited with { Techniques = ["T1105", "T1059.004", "T1105"] }, null));
    }

    [Fact]
    public void NoChainsIsAnEmptyList() => Assert.Equal("{\"chains\":[]}", ChainJson.ToText([]));
}
