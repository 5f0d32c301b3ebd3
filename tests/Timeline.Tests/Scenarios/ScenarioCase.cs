using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Detection.Chain;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Runs a scenario the way <c>analyze</c> does: ingest each input folder with the real parsers into a
/// fresh case, hunt with the bundled <c>sigma/</c> rules when there are any (and they load), build
/// the chains, store them and read them back through the case (the JSON round trip).
/// </summary>
public sealed class ScenarioCase
{
    public required string Folder { get; init; }
    public required IReadOnlyList<AttackChain> Chains { get; init; }
    public required int RuleMatches { get; init; }

    public static string ScenarioRoot => Path.Combine(RepoPaths.SampleLogs, "scenarios");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateDirectories(ScenarioRoot).Where(d => File.Exists(Path.Combine(d, "expected-chains.json")))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static ScenarioCase Run(string name, bool withRules)
    {
        var folder = Path.Combine(ScenarioRoot, name);
        var expected = ScenarioExpectation.Load(Path.Combine(folder, "expected-chains.json"));
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        var matches = 0;
        using (var store = CaseStore.OpenForWrite(casePath))
        {
            new IngestPipeline(Timeline.Parsers.ParserCatalog.Detector(), new IngestOptions())
                .Run(store, expected.Inputs.Select(i => Path.GetFullPath(Path.Combine(folder, i))).ToList());
            if (withRules && Rules.Value is { } engine)
            {
                var found = engine.Evaluate(store.Events()).ToList();
                CaseMatches.Replace(store, found);
                matches = found.Count;
            }
            CaseChains.Replace(store, ChainBuilder.Build(store));
        }
        using var reader = CaseStore.OpenForRead(casePath);
        return new ScenarioCase { Folder = folder, Chains = CaseChains.Load(reader), RuleMatches = matches };
    }

    /// <summary>The bundled rule pack, or null while it has no rules (it is written on another branch).</summary>
    private static readonly Lazy<RuleEngine?> Rules = new(() =>
    {
        var rules = Path.Combine(RepoPaths.Sigma, "rules");
        if (!Directory.Exists(rules)) return null;
        var set = RuleLoader.Load([rules]);
        if (set.Rules.Count == 0) return null;
        return new RuleEngine(set, SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));
    });

    /// <summary><c>relative/path:line</c> of an event origin inside the scenario folder.</summary>
    public string Ref(Timeline.Core.Events.Origin origin) =>
        Path.GetRelativePath(Folder, origin.File).Replace('\\', '/') + ":" + origin.Position;
}
