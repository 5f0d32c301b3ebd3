using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Detection.Chain;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Parsers.Windows.Evtx;
using Timeline.Tests.Support;
using Timeline.Tests.Support.Evtx;
using Timeline.Pipeline;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// <c>sample-logs/scenarios/windows-rdp-xmrig</c>: EVTX files written by the test-support <see cref="EvtxWriter"/>
/// from <see cref="WindowsRdpXmrigScenario"/>. The committed files must be byte for byte what the generator
/// writes (run with <c>TIMELINE_WRITE_SCENARIO=1</c> to rewrite them), libevtx must read them, and the
/// chain built from them with the bundled rules must tell the story of the README.
/// </summary>
public sealed class WindowsScenarioTests
{
    private const string Name = "windows-rdp-xmrig";
    private const string WriteVariable = "TIMELINE_WRITE_SCENARIO";
    private static string Folder => Path.Combine(RepoPaths.SampleLogs, "scenarios", Name);

    private static readonly Lazy<(IReadOnlyList<AttackChain> Chains, int Matches)> Built = new(Build);

    [Fact]
    public void ScenarioFilesAreWhatTheGeneratorWrites()
    {
        // The committed bytes are read before any rewrite, so the switch never compares the generator with itself:
        // with TIMELINE_WRITE_SCENARIO=1 the files are rewritten and the test still fails on each file that changed.
        var committed = WindowsRdpXmrigScenario.Files().ToDictionary(f => f.File, f => File.Exists(Path.Combine(Folder, f.File)) ? File.ReadAllBytes(Path.Combine(Folder, f.File)) : null);
        if (ContinuousIntegration.UpdateSwitch(WriteVariable)) WindowsRdpXmrigScenario.Write(Folder);
        foreach (var (file, first, events) in WindowsRdpXmrigScenario.Files())
        {
            Assert.True(committed[file] is not null, $"{file} was missing; run the tests with {WriteVariable}=1 and commit the result");
            Assert.True(EvtxWriter.Write(events, new EvtxWriterOptions { FirstRecordId = first }).AsSpan().SequenceEqual(committed[file]),
                $"{file} differs from what the generator writes; run the tests with {WriteVariable}=1, review and commit the result");
        }
    }

    [Fact]
    public void EvtxexportReadsEveryScenarioFile()
    {
        if (ContinuousIntegration.RequireTool(EvtxReference.ToolPath() ?? "evtxexport", "libevtx-utils") is not { } tool) return;
        foreach (var (file, first, events) in WindowsRdpXmrigScenario.Files())
        {
            var reference = EvtxReference.Export(tool, Path.Combine(Folder, file));
            Assert.False(reference.Failed, $"{file}: {reference.Error}");
            Assert.Equal(events.Count, reference.Records.Count);
            foreach (var (written, i) in events.Select((e, i) => (e, i)))
            {
                var record = reference.Records[i];
                var where = $"{file} record {first + (ulong)i}";
                Assert.True((first + (ulong)i).ToString(System.Globalization.CultureInfo.InvariantCulture) == record.System["EventRecordID"], where);
                Assert.True(written.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture) == record.System["EventID"], where);
                Assert.True(BinXmlTree.Iso(written.TimeCreated) == record.System["TimeCreated"][..27] + "Z", $"{where}: {record.System["TimeCreated"]}");
                Assert.True(written.Data.Select(d => d.Key).SequenceEqual(record.Data.Select(d => d.Key)), where);
                Assert.True(written.Data.Select(d => d.Value.ReplaceLineEndings("\n")).SequenceEqual(record.Data.Select(d => d.Value.ReplaceLineEndings("\n"))), where);
            }
        }
    }

    [Fact]
    public void ScenarioParsesCleanlyWithTheShapesWindowsWrites()
    {
        var events = new List<Timeline.Core.Events.EventRecord>();
        foreach (var (file, _, written) in WindowsRdpXmrigScenario.Files())
        {
            var outcome = EvtxTestFiles.Parse(File.ReadAllBytes(Path.Combine(Folder, file)));
            Assert.Empty(outcome.Warnings);
            Assert.Equal(written.Count, outcome.Events.Count);
            events.AddRange(outcome.Events);
        }
        Assert.All(events, e => Assert.Equal(WindowsRdpXmrigScenario.Host, e.Host));
        var failures = events.Where(e => e.Fields.Get("EventID") == "4625").ToList();
        var nla = failures.Where(e => e.Fields.Get("LogonType") == "3").ToList();
        Assert.Equal(42, nla.Count);
        Assert.All(nla, e =>
        {
            Assert.Equal("-", e.Fields.Get("IpAddress"));
            Assert.Null(e.Fields.Get("src_ip"));
            Assert.Equal(WindowsRdpXmrigScenario.AttackerWorkstation, e.Fields.Get("workstation"));
        });
        Assert.All(failures.Except(nla), e => Assert.Equal(WindowsRdpXmrigScenario.AttackerIp, e.Fields.Get("src_ip")));
        var task = Assert.Single(events, e => e.Fields.Get("TaskName") == WindowsRdpXmrigScenario.TaskName);
        Assert.Equal(WindowsRdpXmrigScenario.MinerPath + " " + WindowsRdpXmrigScenario.MinerArgs, task.Fields.Get("command"));
        var driver = Assert.Single(events, e => e.Fields.Get("EventID") == "7045" && e.Fields.Get("ServiceName") == WindowsRdpXmrigScenario.ServiceName);
        Assert.Equal(WindowsRdpXmrigScenario.DriverPath, driver.Fields.Get("ImagePath"));
        Assert.Equal("service_install", driver.Fields.Get("event"));
        var cradle = Assert.Single(events, e => e.Fields.Get("ScriptBlockText") == WindowsRdpXmrigScenario.Cradle);
        Assert.Equal("Microsoft-Windows-PowerShell/Operational", cradle.Fields.Get("Channel"));
        Assert.Contains(events, e => e.Fields.Get("CommandLine") == "powershell.exe -nop -w hidden -enc " + WindowsRdpXmrigScenario.EncodedCradle);
    }

    [Fact]
    public void OneChainForTheServer()
    {
        var chain = Assert.Single(Built.Value.Chains);
        Assert.Equal(WindowsRdpXmrigScenario.Host, chain.Host);
        Assert.True(Built.Value.Matches > 0, "the bundled rules should match the scenario");
    }

    [Fact]
    public void EntryIsTheRdpBruteForceThenTheAdministratorLogonFromTheAttacker()
    {
        var chain = Chain();
        var entry = chain.Entry ?? throw new Xunit.Sdk.XunitException("no entry point");
        Assert.Equal("rdp-bruteforce-success", entry.Kind);
        Assert.Equal(WindowsRdpXmrigScenario.AttackerIp, entry.SourceIp);
        Assert.Equal("Administrator", entry.User);
        Assert.True(entry.Confidence >= 0.8, $"entry confidence {entry.Confidence}");
        // The NLA network logon (type 3) and the RDP session (type 10) one second later are the same connection.
        var step = Assert.Single(chain.Steps, s => s.EventId == entry.EventId);
        Assert.Contains(Ref(step), new[] { "Security.evtx:48314", "Security.evtx:48315" });
        Assert.InRange(entry.Ticks ?? 0, WindowsRdpXmrigScenario.AttackLogon.AddSeconds(-2).Ticks, WindowsRdpXmrigScenario.AttackLogon.Ticks);
        Assert.Contains("failed logons", entry.Why, StringComparison.Ordinal);
        Assert.Contains(WindowsRdpXmrigScenario.AttackerIp, entry.Why, StringComparison.Ordinal);
        Assert.All(chain.Steps.Where(s => s.Phase != AttackPhase.Entry), s => Assert.True(s.Ticks > entry.Ticks, $"{s.Summary} precedes the entry"));
    }

    [Fact]
    public void StepsCoverExecutionPersistenceAndMining()
    {
        var chain = Chain();
        var byRef = chain.Steps.GroupBy(Ref).ToDictionary(g => g.Key, g => g.Select(s => s.Phase).ToList());
        void Has(string reference, params AttackPhase[] phases) =>
            Assert.True(byRef.TryGetValue(reference, out var got) && got.Any(phases.Contains),
                $"{reference} should be a {string.Join("/", phases)} step; steps: {string.Join(", ", chain.Steps.Select(s => Ref(s) + "=" + s.Phase))}");
        Has("Security.evtx:48317", AttackPhase.Execution);                                      // powershell -nop -w hidden -enc
        Has("Microsoft-Windows-PowerShell%4Operational.evtx:2173", AttackPhase.Execution);      // DownloadString(...)|IEX
        Has("Microsoft-Windows-PowerShell%4Operational.evtx:2174", AttackPhase.Execution, AttackPhase.Persistence); // a.ps1: certutil, schtasks
        Has("Security.evtx:48319", AttackPhase.Persistence);                                    // schtasks /create
        Has("Security.evtx:48320", AttackPhase.Persistence);                                    // 4698 \WindowsUpdateCheck
        Has("Security.evtx:48321", AttackPhase.Mining);                                         // xmrig.exe
        Has("Security.evtx:48322", AttackPhase.Mining, AttackPhase.Persistence);                // 4697 WinRing0_1_2_0
        Has("System.evtx:10478", AttackPhase.Mining, AttackPhase.Persistence);                  // 7045 WinRing0_1_2_0
        Assert.Equal(WindowsRdpXmrigScenario.AttackLogon.AddSeconds(86).AddTicks(4_410_923).AddSeconds(29).AddTicks(7_730_019).AddSeconds(4).AddTicks(2_090_551).Ticks,
            chain.MiningStartTicks);
        Assert.NotEmpty(chain.Steps.Single(s => Ref(s) == "Security.evtx:48320").RuleIds);
        Assert.NotEmpty(chain.Steps.Single(s => Ref(s) == "System.evtx:10478").RuleIds);
        Assert.Empty(chain.Gaps);
        Assert.Empty(chain.Lateral);
    }

    [Fact]
    public void IndicatorsNameTheAttackerTheDownloadsTheWalletTheTaskAndTheService()
    {
        var chain = Chain();
        (string Type, string Value)[] expected =
        [
            ("ip", WindowsRdpXmrigScenario.AttackerIp), ("ip", WindowsRdpXmrigScenario.DropHost),
            ("url", WindowsRdpXmrigScenario.CradleUrl), ("url", WindowsRdpXmrigScenario.ZipUrl),
            ("wallet", WindowsRdpXmrigScenario.Wallet), ("user", "Administrator"), ("process", "xmrig.exe"),
            ("service", WindowsRdpXmrigScenario.ServiceName), ("task", WindowsRdpXmrigScenario.TaskName),
        ];
        foreach (var (type, value) in expected)
            Assert.True(chain.Indicators.Any(i => i.Type == type && i.Value == value), $"IOC {type} {value} missing; have {string.Join("; ", chain.Indicators.Select(i => i.Type + " " + i.Value))}");
        Assert.All(chain.Indicators, i => Assert.NotEmpty(i.EventIds));
    }

    [Fact]
    public void ResponsePlanRemovesTheTaskAndTheServiceInTheRespondersOrder()
    {
        var chain = Chain();
        string[] order = ["isolate", "block", "remove", "kill", "rotate", "fix-entry"];
        var ranks = chain.Response.Select(a => Array.IndexOf(order, a.Category)).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        (string Category, string Target)[] expected =
        [
            ("isolate", WindowsRdpXmrigScenario.Host), ("block", WindowsRdpXmrigScenario.AttackerIp), ("block", WindowsRdpXmrigScenario.DropHost),
            ("remove", WindowsRdpXmrigScenario.TaskName), ("remove", WindowsRdpXmrigScenario.ServiceName), ("kill", "xmrig.exe"),
            ("rotate", "Administrator"), ("fix-entry", "rdp-bruteforce-success"),
        ];
        foreach (var (category, target) in expected)
            Assert.True(chain.Response.Any(a => a.Category == category && a.Target == target),
                $"response {category} {target} missing; have {string.Join("; ", chain.Response.Select(a => a.Category + " " + a.Target))}");
        Assert.All(chain.Response, a => Assert.NotEmpty(a.EvidenceEventIds));
    }

    [Fact]
    public void TheAdministratorsOwnSessionAndRoutineActivityStayOutOfTheChain()
    {
        var chain = Chain();
        var admin = new[] { WindowsRdpXmrigScenario.AdminIp, WindowsRdpXmrigScenario.AdminUser, WindowsRdpXmrigScenario.AdminWorkstation, "NightlyConfigExport", "Export-Config", "gupdate", "GoogleUpdate", "perf.ps1", "Get-Counter" };
        foreach (var s in chain.Steps)
        {
            Assert.True(s.Ticks >= WindowsRdpXmrigScenario.BruteForceStart.Ticks, $"step before the incident: {Ref(s)} {s.Summary}");
            Assert.DoesNotContain(admin, a => s.Summary.Contains(a, StringComparison.Ordinal));
        }
        foreach (var noise in admin)
        {
            Assert.DoesNotContain(chain.Indicators, i => i.Value.Contains(noise, StringComparison.Ordinal));
            Assert.DoesNotContain(chain.Response, a => (a.Target ?? "").Contains(noise, StringComparison.Ordinal) || a.Action.Contains(noise, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(chain.RunnersUp, r => r.SourceIp == WindowsRdpXmrigScenario.AdminIp || r.User == WindowsRdpXmrigScenario.AdminUser);
        Assert.NotEqual(WindowsRdpXmrigScenario.AdminUser, chain.Entry?.User);
    }

    private static AttackChain Chain() => Built.Value.Chains.Single(c => c.Host == WindowsRdpXmrigScenario.Host);

    private static string Ref(AttackStep s) => Path.GetFileName(s.Origin.File) + ":" + s.Origin.Position;

    /// <summary>Ingest with the real detector, hunt with the bundled rules, build the chains (as <c>analyze</c> does).</summary>
    private static (IReadOnlyList<AttackChain>, int) Build()
    {
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        int matches;
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            IngestStep.Run(store, [Folder], new IngestOptions());
            matches = (int)HuntStep.Run(store, new HuntRequest { RuleDirs = [Path.Combine(RepoPaths.Sigma, "rules")], Mappings = Path.Combine(RepoPaths.Sigma, "mappings") }).Matches;
        }
        using var reader = CaseStores.OpenForRead(casePath);
        return (ChainStep.Build(reader), matches);
    }
}
