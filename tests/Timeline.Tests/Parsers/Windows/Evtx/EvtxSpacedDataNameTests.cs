using Timeline.Core.Vocabulary;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;
using Timeline.Tests.Support.Evtx;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Issue 15 item 1: Defender (and a few other providers) name EventData with spaces (<c>Threat Name</c>,
/// <c>Process Name</c>, <c>Source Name</c>); SigmaHQ's rules use the names without them. Events carry both, and
/// SigmaHQ's windefend rules fire on events written the way Defender writes them (field names and order from
/// Microsoft's Defender event reference for 1116 and 1121).
/// </summary>
public sealed class EvtxSpacedDataNameTests
{
    private static readonly DateTime At = new(2024, 3, 2, 3, 20, 0, DateTimeKind.Utc);

    private static WinEvent Defender(ushort id, int second, params (string Name, string Value)[] data) => new()
    {
        Provider = "Microsoft-Windows-Windows Defender",
        ProviderGuid = new Guid("11cd958a-c507-4ef3-b3f2-5fd9dfbd2c78"),
        EventId = id,
        Level = 3,
        TimeCreated = At.AddSeconds(second),
        Channel = "Microsoft-Windows-Windows Defender/Operational",
        Computer = "ws01.example.net",
        UserId = "S-1-5-18",
        Data = data.Select(d => KeyValuePair.Create(d.Name, d.Value)).ToList(),
    };

    private static WinEvent Detection(int second, string source, string process) => Defender(1116, second,
        ("Product Name", "Microsoft Defender Antivirus"), ("Product Version", "4.18.24010.12"),
        ("Detection ID", "{6A1B2C3D-0000-4000-8000-000000000001}"), ("Detection Time", "2024-03-02T03:20:00.000Z"),
        ("Threat ID", "2147735505"), ("Threat Name", "Trojan:Win32/CoinMiner!MTB"), ("Severity ID", "5"), ("Severity Name", "Severe"),
        ("Category ID", "8"), ("Category Name", "Trojan"), ("Source ID", source == "AMSI" ? "10" : "3"), ("Source Name", source),
        ("Process Name", process), ("Detection User", "WS01\\alice"), ("Path", "file:_C:\\Users\\alice\\AppData\\Local\\Temp\\xmrig.exe"),
        ("Origin ID", "1"), ("Origin Name", "Local machine"), ("Action ID", "9"), ("Action Name", "Not Applicable"));

    private static List<Core.Events.EventRecord> Parse(IReadOnlyList<WinEvent> events)
    {
        var outcome = ParserHarness.ParseBytes(ParserHarness.Parser(ParserNames.Evtx), EvtxWriter.Write(events), "Microsoft-Windows-Windows Defender%4Operational.evtx");
        Assert.Empty(outcome.Warnings);
        return outcome.Events.ToList();
    }

    [Fact]
    public void SpacedNamesAlsoGoInWithoutSpacesAndTheOriginalsStay()
    {
        var e = Assert.Single(Parse([Detection(0, "AMSI", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")]));
        Assert.Equal("Trojan:Win32/CoinMiner!MTB", e.Fields.Get("Threat Name"));
        Assert.Equal("Trojan:Win32/CoinMiner!MTB", e.Fields.Get("ThreatName"));
        Assert.Equal("AMSI", e.Fields.Get("SourceName"));
        Assert.Equal("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", e.Fields.Get("ProcessName"));
        Assert.Equal("WS01\\alice", e.Fields.Get("DetectionUser"));
        Assert.Equal("Microsoft Defender Antivirus", e.Fields.Get("ProductName"));
    }

    [Fact]
    public void AFieldAlreadyNamedWithoutSpacesKeepsItsOwnValue()
    {
        var e = Assert.Single(Parse([Defender(1116, 0, ("Threat Name", "spaced"), ("ThreatName", "native"))]));
        Assert.Equal("native", e.Fields.Get("ThreatName"));
        Assert.Equal("spaced", e.Fields.Get("Threat Name"));
        var later = Assert.Single(Parse([Defender(1116, 0, ("ThreatName", "native"), ("Threat Name", "spaced"))]));
        Assert.Equal("native", later.Fields.Get("ThreatName"));
    }

    [SharedDataFact("sigmahq/rules/windows/builtin/windefend")]
    public void SigmaHqDefenderRulesFireOnEventsWrittenAsDefenderWritesThem()
    {
        var folder = RepoPaths.SharedData("sigmahq/rules/windows/builtin/windefend") ?? throw new InvalidOperationException("shared data missing");
        var engine = new RuleEngine(RuleLoader.Load([folder], new RuleLoadOptions()), SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
        var events = Parse([
            Detection(0, "AMSI", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"),
            Detection(1, "Real-Time Protection", "C:\\Users\\alice\\Downloads\\setup.exe"),
            Defender(1121, 2, ("Product Name", "Microsoft Defender Antivirus"), ("Product Version", "4.18.24010.12"), ("Unused", ""),
                ("ID", "d1e49aac-8f56-4280-b9ba-993a6d77406c"), ("Detection Time", "2024-03-02T03:20:02.000Z"), ("User", "WS01\\alice"),
                ("Path", "C:\\Windows\\xmrig.exe"), ("Process Name", "C:\\Windows\\PSEXESVC.exe"), ("Target Commandline", "xmrig.exe -o pool:3333")),
        ]);
        var fired = engine.Evaluate(events, minLevel: "informational").GroupBy(m => m.EventId).ToDictionary(g => g.Key, g => g.Select(m => m.Title).ToHashSet());
        HashSet<string> On(int i) => fired.GetValueOrDefault(events[i].Id) ?? [];
        Assert.Contains("Windows Defender AMSI Trigger Detected", On(0));
        Assert.Contains("Windows Defender Threat Detected", On(0));
        Assert.DoesNotContain("Windows Defender AMSI Trigger Detected", On(1));
        Assert.Contains("Windows Defender Threat Detected", On(1));
        Assert.Contains("PSExec and WMI Process Creations Block", On(2));
    }
}
