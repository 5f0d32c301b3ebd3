using System.Text.RegularExpressions;
using Timeline.Parsers;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Conventions;

/// <summary>Forgotten pieces fail loudly: a format without a sample, golden or mapping; LiteDB outside its store project.</summary>
public sealed partial class ConventionTests
{
    public static TheoryData<string> ParserNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ParserCatalog.Default.Names.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ParserNames))]
    public void EveryParserHasASampleWithAGolden(string parser)
    {
        var folder = Path.Combine(RepoPaths.SampleLogs, parser);
        Assert.True(Directory.Exists(folder), $"parser {parser} has no sample folder sample-logs/{parser}/");
        Assert.NotEmpty(Directory.GetFiles(folder, "*.events.jsonl"));
    }

    [Theory]
    [MemberData(nameof(ParserNames))]
    public void EveryParserHasASigmaMapping(string parser)
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Sigma, "mappings", parser + ".yml")), $"parser {parser} has no sigma/mappings/{parser}.yml");
    }

    [Fact]
    public void ParserNamesFollowTheFamilySlashFormatShape()
    {
        foreach (var name in ParserCatalog.Default.Names) Assert.Matches(NameShape(), name);
    }

    [Fact]
    public void OnlyTheLiteDbStoreProjectUsesLiteDb()
    {
        const string store = "src/Timeline.Store.LiteDb/";
        var offenders = new[] { "src", "tests", "bench" }.Select(d => Path.Combine(RepoPaths.Root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(RepoPaths.Relative)
            .Where(f => !f.StartsWith(store, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(RepoPaths.Root, f)).Contains("using " + "LiteDB", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheCliNamesNoStoreBackend()
    {
        // The CLI opens cases through the pipeline's CaseStores; it names neither LiteDB nor its store project.
        var cli = Path.Combine(RepoPaths.Root, "src", "Timeline.Cli");
        var offenders = Directory.GetFiles(cli, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("LiteDB", StringComparison.Ordinal) || text.Contains("Timeline.Store.LiteDb", StringComparison.Ordinal)))
            .Select(RepoPaths.Relative).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoTypeIsNamedManagerHelperOrUtil()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n!.EndsWith("Manager", StringComparison.Ordinal) || n.EndsWith("Helper", StringComparison.Ordinal) || n.EndsWith("Util", StringComparison.Ordinal) || n.EndsWith("Utils", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex("^[a-z]+/[a-z0-9-]+$")]
    private static partial Regex NameShape();
}
