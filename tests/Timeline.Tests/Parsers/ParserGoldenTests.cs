using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers;

/// <summary>
/// Every sample under <c>sample-logs/&lt;family&gt;/&lt;format&gt;/</c> (scenarios excluded) is detected by
/// content, parsed, and compared with its <c>.events.jsonl</c>; warnings must match
/// <c>.warnings.jsonl</c>, whose absence means zero warnings.
/// </summary>
public sealed class ParserGoldenTests
{
    private static readonly string[] SidecarSuffixes = [".events.jsonl", ".warnings.jsonl", ".context.json", ".md"];

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(RepoPaths.SampleLogs))
        {
            if (Path.GetFileName(family) is "scenarios" or "hostile") continue;
            foreach (var file in Directory.GetFiles(family, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (SidecarSuffixes.Any(s => file.EndsWith(s, StringComparison.Ordinal))) continue;
                data.Add(RepoPaths.Relative(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleParsesToItsGolden(string sample)
    {
        var full = Path.Combine(RepoPaths.Root, sample);
        var outcome = ParserHarness.ParseFile(full);
        Assert.True(outcome.Parser is not null, $"no parser recognised {sample}");
        Assert.NotEmpty(outcome.Events);
        var folder = RepoPaths.Relative(Path.GetDirectoryName(full)!)["sample-logs/".Length..];
        var dominant = outcome.Events.GroupBy(e => e.Parser).OrderByDescending(g => g.Count()).First().Key;
        // A format's samples may be grouped in subfolders (sample-logs/linux/journald/binary/).
        Assert.True(dominant == folder || outcome.Parser!.Name == folder || folder.StartsWith(outcome.Parser!.Name + "/", StringComparison.Ordinal),
            $"{sample}: lives in '{folder}' but was read by '{outcome.Parser!.Name}' producing mostly '{dominant}' events");
        Golden.Verify(full + ".events.jsonl", Golden.EventsJsonl(outcome.Events));
        Golden.Verify(full + ".warnings.jsonl", Golden.WarningsJsonl(outcome.Warnings), absentMeansEmpty: true);
    }
}
