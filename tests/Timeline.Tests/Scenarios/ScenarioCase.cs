using Timeline.Pipeline;
using System.Text.Json.Nodes;
using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Detection.Chain;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Runs a scenario the way <c>analyze</c> does: ingest each input folder with the real parsers into a
/// fresh case, hunt with the bundled <c>sigma/rules</c> + <c>sigma/mappings</c> (when asked), build
/// the chains, store them, read them back through the case and write the chain JSON contract
/// (<see cref="ChainJson"/>) with the case's rule matches — exactly what <c>timeline chain --format json</c> prints.
/// </summary>
public sealed class ScenarioCase
{
    public const string ExpectedFile = "expected-chain.json";

    public required string Folder { get; init; }
    public required IReadOnlyList<AttackChain> Chains { get; init; }
    public required int RuleMatches { get; init; }
    /// <summary>The contract JSON with evidence paths made relative to the scenario folder.</summary>
    public required JsonObject Contract { get; init; }

    public static string ScenarioRoot => Path.Combine(RepoPaths.SampleLogs, "scenarios");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateDirectories(ScenarioRoot).Where(d => File.Exists(Path.Combine(d, ExpectedFile)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static JsonObject Expected(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScenarioRoot, name, ExpectedFile)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();

    public static ScenarioCase Run(string name, bool withRules)
    {
        var folder = Path.GetFullPath(Path.Combine(ScenarioRoot, name));
        var inputs = Expected(name)["inputs"]!.AsArray().Select(i => (string)i!).ToList();
        return Run(inputs.Select(i => Path.GetFullPath(Path.Combine(folder, i))).ToList(), withRules, folder, _ => []);
    }

    /// <summary>
    /// Runs the pipeline on <paramref name="paths"/> (folders, files or archives). Evidence paths in the
    /// contract are made relative to <paramref name="folder"/>; <paramref name="renames"/> gives further
    /// (from, to) replacements read from the case, longest first (archive display paths → host paths).
    /// </summary>
    public static ScenarioCase Run(IReadOnlyList<string> paths, bool withRules, string folder, Func<ICaseStore, IEnumerable<(string From, string To)>> renames)
    {
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        var matches = 0;
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            IngestStep.Run(store, paths, new IngestOptions());
            if (withRules)
            {
                var hunt = HuntStep.Run(store, BundledHunt);
                if (hunt.Rules == 0) throw new InvalidOperationException("the bundled rule pack sigma/rules has no rules");
                matches = (int)hunt.Matches;
            }
            ChainStep.BuildAndStore(store);
        }
        using var reader = CaseStores.OpenForRead(casePath);
        var chains = reader.Chains.Load();
        var json = ChainContract.Of(reader, chains);
        var contract = JsonNode.Parse(json)!.AsObject();
        Relativize(contract, folder, renames(reader).OrderByDescending(r => r.From.Length).ToList());
        return new ScenarioCase { Folder = folder, Chains = chains, RuleMatches = matches, Contract = contract, CasePath = casePath };
    }

    /// <summary>The case the run wrote (read it with <see cref="CaseStores.OpenForRead"/>).</summary>
    public string CasePath { get; init; } = "";

    /// <summary>The bundled rule pack with its mappings; the scenarios are meant to run with it.</summary>
    private static readonly HuntRequest BundledHunt = new() { RuleDirs = [Path.Combine(RepoPaths.Sigma, "rules")], Mappings = Path.Combine(RepoPaths.Sigma, "mappings") };

    /// <summary>Evidence paths in every string of the contract (origins, cron paths, response targets) relative to the scenario folder.</summary>
    private static void Relativize(JsonNode? node, string folder, IReadOnlyList<(string From, string To)> renames)
    {
        var prefix = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)) o[key] = Fix(s);
                    else Relativize(o[key], folder, renames);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s)) a[i] = Fix(s);
                    else Relativize(a[i], folder, renames);
                }
                break;
        }

        string Fix(string s)
        {
            foreach (var (from, to) in renames) s = s.Replace(from, to, StringComparison.Ordinal);
            return s.Replace(prefix, "", StringComparison.Ordinal).Replace('\\', '/');
        }
    }
}
