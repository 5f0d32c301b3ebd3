using System.Globalization;
using Timeline.Core.Events;
using Timeline.Tests.Support;
using Timeline.Parsers.Windows.Evtx;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Every <c>.evtx</c> of the shared corpus is read by our parser and by libevtx's <c>evtxexport</c>, and
/// the two must agree record for record: count, EventRecordID, EventID, TimeCreated, Channel, Computer,
/// the other System values, and every EventData/UserData name and value. Value spellings are compared
/// after two documented normalisations: hex numbers compare by value (evtxexport pads 64-bit hex to 16
/// digits, Windows and we do not), and times compare as 100 ns ticks (evtxexport prints 9 digits).
/// Files evtxexport cannot read are listed in <see cref="KnownDifferences"/> with what was checked instead.
/// </summary>
public sealed class EvtxReferenceTests
{
    private static readonly string[] Corpora = ["evtx", "sigmahq/regression_data"];

    /// <summary>
    /// Files where evtxexport fails or disagrees, checked by hand (and with evtx_dump.py where it works).
    /// Key: path relative to the shared data folder.
    /// </summary>
    internal static readonly Dictionary<string, KnownDifference> KnownDifferences = new(StringComparer.Ordinal);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var corpus in Corpora)
        {
            var root = RepoPaths.SharedData(corpus);
            if (root is null) continue;
            foreach (var file in Directory.GetFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.Combine(corpus, Path.GetRelativePath(root, file)).Replace('\\', '/'));
        }
        if (data.Count == 0) data.Add("");   // shared data absent outside CI: one case that returns early
        return data;
    }

    [Fact]
    public void ReferenceToolIsInstalledWhereTheCorpusIs()
    {
        if (RepoPaths.SharedData("evtx") is null) return;
        var tool = EvtxReference.ToolPath();
        if (tool is null && !IsCi) return;
        Assert.True(tool is not null, "evtxexport is not installed (apt-get install libevtx-utils python3-evtx)");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ParserAgreesWithEvtxexportOnEveryRecord(string file)
    {
        if (file.Length == 0) return;
        var tool = EvtxReference.ToolPath();
        if (tool is null)
        {
            Assert.False(IsCi, "evtxexport is required in CI");
            return;
        }
        var full = Path.Combine(RepoPaths.SharedData(".")!, file);
        var ours = ParserHarness.ParseFile(full);
        Assert.Equal("windows/evtx", ours.Parser?.Name);
        var reference = EvtxReference.Export(tool, full);

        if (KnownDifferences.TryGetValue(file, out var known))
        {
            known.Check(ours, reference);
            return;
        }
        Assert.False(reference.Failed, $"evtxexport failed on {file} and the file is not in KnownDifferences: {reference.Error}");
        Assert.True(ours.Warnings.Count == 0, $"{file}: unexpected warnings: {string.Join(" | ", ours.Warnings.Select(w => w.Message))}");
        var differences = Compare(ours.Events, reference.Records);
        Assert.True(differences.Count == 0, $"{file}: {differences.Count} differences with evtxexport:\n" + string.Join("\n", differences.Take(25)));
    }

    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal static List<string> Compare(IReadOnlyList<EventRecord> ours, IReadOnlyList<ReferenceRecord> reference)
    {
        var differences = new List<string>();
        if (ours.Count != reference.Count) differences.Add($"record count: ours {ours.Count}, evtxexport {reference.Count}");
        for (var i = 0; i < Math.Min(ours.Count, reference.Count); i++) CompareRecord(i, ours[i], reference[i], differences);
        return differences;
    }

    private static void CompareRecord(int index, EventRecord ours, ReferenceRecord reference, List<string> differences)
    {
        var id = reference.System.GetValueOrDefault("EventRecordID", "?");
        void Differ(string what, string? mine, string? theirs) => differences.Add($"record #{index} (id {id}) {what}: ours '{mine}', evtxexport '{theirs}'");

        foreach (var (key, expected) in reference.System)
        {
            var actual = ours.Fields.Get(key);
            if (!Same(key, actual, expected)) Differ(key, actual, expected);
        }
        foreach (var key in EvtxFields.System)
        {
            if (!reference.System.ContainsKey(key) && ours.Fields.ContainsKey(key)) Differ(key, ours.Fields.Get(key), null);
        }
        if (reference.System.TryGetValue("TimeCreated", out var created) && ours.Ticks != Ticks(created))
            Differ("Ticks", ours.Ticks?.ToString(CultureInfo.InvariantCulture), created);
        if (ours.Origin.Kind != PositionKind.Record || ours.Origin.Position.ToString(CultureInfo.InvariantCulture) != id)
            Differ("origin position", ours.Origin.Position.ToString(CultureInfo.InvariantCulture), id);

        var expectedData = reference.Data.Where(p => p.Value.Length > 0).ToDictionary(p => FieldName(p.Key), p => p.Value, StringComparer.Ordinal);
        foreach (var (key, expected) in expectedData)
        {
            var actual = ours.Fields.Get(key);
            if (!Same(key, actual, expected)) Differ("data " + key, actual, expected);
        }
        foreach (var (key, value) in ours.Fields)
        {
            if (EvtxFields.System.Contains(key) || EvtxFields.Normalised.Contains(key)) continue;
            if (!expectedData.ContainsKey(key)) Differ("extra data " + key, value, null);
        }
    }

    private static string FieldName(string dataName) =>
        EvtxFields.System.Contains(dataName) ? "Data." + dataName : dataName;

    private static bool Same(string key, string? ours, string? theirs)
    {
        if (ours is null || theirs is null) return ours == theirs;
        ours = ours.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        theirs = theirs.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (ours == theirs) return true;
        if (key == "TimeCreated") return Ticks(ours) == Ticks(theirs);
        return IsHex(ours) && IsHex(theirs)
            && ulong.Parse(ours.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) == ulong.Parse(theirs.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static bool IsHex(string s) => s.Length is > 2 and <= 18 && s.StartsWith("0x", StringComparison.Ordinal) && s.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;

    /// <summary>ISO 8601 UTC with up to 9 fraction digits, truncated to 100 ns ticks.</summary>
    internal static long? Ticks(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var trimmed = text.TrimEnd('Z');
        if (dot > 0 && trimmed.Length - dot - 1 > 7) trimmed = trimmed[..(dot + 8)];
        return DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t.Ticks : null;
    }
}
