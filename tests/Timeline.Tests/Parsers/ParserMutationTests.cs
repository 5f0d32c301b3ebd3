using Timeline.Core.Ingest;
using Timeline.Parsers;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers;

/// <summary>
/// The CI part of the fuzzing (issue 11; the long afl++ runs are in <c>fuzz/</c>): every parser in the
/// catalog gets seeded mutants of the samples it is chosen for, through the content sniff of every
/// parser and the full parse. <see cref="ILogParser"/> promises no exception on bad input, so any
/// exception fails, and so does an input that takes longer than <see cref="PerInput"/> (a hang).
/// </summary>
public sealed class ParserMutationTests
{
    private const int MutantsPerParser = 120;
    /// <summary>Seeds are the head of each sample: large samples only slow the pass down.</summary>
    private const int SeedBytes = 96 * 1024;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);
    private static readonly string MutantSha = new('0', 64);

    /// <summary>Every sample (not its golden or notes) with the parser content detection picks for it.</summary>
    private static readonly Lazy<ILookup<string, (string Path, byte[] Bytes)>> SeedsByParser = new(() =>
    {
        var detector = ParserCatalog.Detector();
        return Directory.EnumerateFiles(RepoPaths.SampleLogs, "*", SearchOption.AllDirectories)
            .Where(IsSample)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Parser: detector.Detect(FormatDetector.Sample(Source(RepoPaths.Relative(path), File.ReadAllBytes(path))))?.Parser.Name))
            .Where(s => s.Parser is not null && !s.Path.EndsWith(".gz", StringComparison.Ordinal))
            .ToLookup(s => s.Parser!, s => (RepoPaths.Relative(s.Path), Head(File.ReadAllBytes(s.Path))));
    });

    public static TheoryData<string> Parsers()
    {
        var data = new TheoryData<string>();
        foreach (var name in ParserCatalog.Default.Names.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void MutatedSamplesNeitherThrowNorHang(string parserName)
    {
        var parser = ParserCatalog.Default.Find(parserName)!;
        var seeds = SeedsByParser.Value[parserName].ToList();
        Assert.True(seeds.Count > 0, $"no sample under sample-logs/ is detected as {parserName}: add one (ILogParser's contract)");
        var detector = ParserCatalog.Detector();
        var others = seeds.Select(s => s.Bytes).ToList();
        var mutator = new SeededMutator(StableSeed(parserName));
        for (var i = 0; i < MutantsPerParser; i++)
        {
            var (path, bytes) = seeds[i % seeds.Count];
            var mutant = mutator.Mutate(bytes, others);
            var what = $"{parserName} mutant {i} of {path} ({mutant.Length} bytes)";
            var events = TimeLimit.Run(PerInput, what, () =>
            {
                var source = Source(path, mutant);
                detector.Detect(FormatDetector.Sample(source));
                var context = new ParseContext(path, MutantSha) { DefaultHost = "mutant-host" };
                return parser.Parse(source, context).ToList();
            });
            // Whatever a damaged file yields is still attributed to it: the chain of custody holds.
            Assert.All(events, e => Assert.Equal((path, MutantSha), (e.Origin.File, e.Origin.Sha256)));
        }
    }

    /// <summary>A seed from the parser's name that does not change between runs (string.GetHashCode does).</summary>
    private static int StableSeed(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    // The sidecars of ParserGoldenTests are not samples; a sample may itself be JSON (journalctl -o json, Velociraptor results).
    private static bool IsSample(string path) =>
        !path.EndsWith(".jsonl", StringComparison.Ordinal) && !path.EndsWith(".context.json", StringComparison.Ordinal)
        && !path.EndsWith(".md", StringComparison.Ordinal) && !path.EndsWith("expected-chain.json", StringComparison.Ordinal);

    private static byte[] Head(byte[] bytes) => bytes.Length <= SeedBytes ? bytes : bytes[..SeedBytes];

    private static EvidenceSource Source(string path, byte[] bytes) => EvidenceSource.FromBytes(path, bytes, SampleContext.DefaultMtime);
}
