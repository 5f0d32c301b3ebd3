using System.Text;
using Timeline.Detection.Sigma;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection;

/// <summary>
/// The CI part of the fuzzing for rules (issue 11; long afl++ runs in <c>fuzz/</c>): seeded mutants of
/// the bundled rules and of the hostile rule corpus go through <see cref="RuleLoader.LoadText"/>, which
/// turns every problem into a <see cref="RuleLoadError"/>: no exception escapes, no input hangs, and a
/// file that yields no rule says why.
/// </summary>
public sealed class RuleLoaderMutationTests
{
    private const int MutantsPerSeed = 25;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static readonly Lazy<IReadOnlyList<byte[]>> AllSeeds = new(() => Seeds().Select(p => File.ReadAllBytes(Path.Combine(RepoPaths.Root, p))).ToList());

    private static IEnumerable<string> Seeds() =>
        new[] { RepoPaths.Sigma, Path.Combine(RepoPaths.SampleLogs, "hostile") }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.yml", SearchOption.AllDirectories))
            .Select(RepoPaths.Relative)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Seeds()) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void MutatedRulesLoadOrFailWithAnError(string seedPath)
    {
        var seed = File.ReadAllBytes(Path.Combine(RepoPaths.Root, seedPath));
        var mutator = new SeededMutator(StableSeed(seedPath));
        for (var i = 0; i < MutantsPerSeed; i++)
        {
            var mutant = mutator.Mutate(seed, AllSeeds.Value);
            var text = Encoding.UTF8.GetString(mutant);
            var what = $"mutant {i} of {seedPath} ({mutant.Length} bytes)";
            var set = TimeLimit.Run(PerInput, what, () => RuleLoader.LoadText(text, "mutant.yml"));
            Assert.Equal(1, set.FilesTotal);
            if (set.Rules.Count == 0 && set.Correlations.Count == 0 && !string.IsNullOrWhiteSpace(text) && !IsOnlyComments(text))
                Assert.True(set.Errors.Count > 0 || set.Warnings.Count > 0 || IsEmptyYaml(text), $"{what}: no rule and no error");
            Assert.All(set.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), what));
        }
    }

    /// <summary>
    /// afl found YAML that YamlDotNet's node builder rejects with an ArgumentException instead of a
    /// YamlException; it escaped the loader and ended the process (rules lint, hunt).
    /// </summary>
    [Theory]
    [InlineData("title: x\ntags:\n    - :\n    product: ~\n")]
    [InlineData("a:\n  - :\n  b: c\n")]
    public void YamlTheNodeBuilderRejectsIsALoadError(string yaml)
    {
        var set = RuleLoader.LoadText(yaml, "bad.yml");
        var error = Assert.Single(set.Errors);
        Assert.Equal(("bad.yml", "yaml"), (error.Path, error.Feature));
        Assert.StartsWith("YAML syntax: ", error.Reason, StringComparison.Ordinal);
        Assert.Empty(set.Rules);
    }

    /// <summary>afl found a timespan longer than TimeSpan holds: TimeSpan.FromMinutes threw out of the loader.</summary>
    [Theory]
    [InlineData("99999999999999m")]
    [InlineData("9999999999999999w")]
    public void ATimespanTooLongForTimeSpanIsALoadError(string timespan)
    {
        var yaml = $"title: c\nid: 00000000-0000-0000-0000-000000000001\ncorrelation:\n  type: event_count\n  rules: [r]\n  group-by: [User]\n  timespan: {timespan}\n  condition:\n    gte: 2\n";
        var set = RuleLoader.LoadText(yaml, "c.yml");
        var error = Assert.Single(set.Errors);
        Assert.Equal("correlation:timespan", error.Feature);
    }

    private static int StableSeed(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static bool IsOnlyComments(string text) =>
        text.Split('\n').All(l => l.TrimStart().Length == 0 || l.TrimStart().StartsWith('#'));

    /// <summary>Documents with no content (only <c>---</c>, <c>...</c> or null scalars) are skipped by the loader, as YAML allows.</summary>
    private static bool IsEmptyYaml(string text)
    {
        try
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.All(d => d.RootNode is YamlDotNet.RepresentationModel.YamlScalarNode { Value: null or "" });
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return false;
        }
    }
}
