using System.Text.RegularExpressions;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Conventions;

/// <summary>
/// A CLI command is option parsing, one call into the library (Timeline.Pipeline's steps and
/// <c>CaseStores</c>, Timeline.Query's <c>QueryStep</c>) and rendering. A command file that names a
/// pipeline internal — the ingest pipeline, the rule engine or loader, the chain builder, the query
/// planner or executor, a match lookup, a store backend's factory — or writes findings into the case
/// itself has grown pipeline logic, and this fails with the file, line and name.
/// </summary>
public sealed partial class CommandConventionTests
{
    /// <summary>Types only the library may use; a command reaches them through a step.</summary>
    private static readonly string[] Internals =
    [
        "IngestPipeline", "FormatDetector", "ParserCatalog",
        "RuleEngine", "RuleLoader", "SourceMappings",
        "ChainBuilder", "ChainAssembler",
        "QueryPlanner", "CompiledQuery", "QueryRun", "Stacking", "EventLookup", "UnorderedScan", "TimelineMerge",
        "MatchLookup", "EventFindings",
    ];

    [Fact]
    public void CommandFilesCallOnlyLibraryEntryPoints()
    {
        var commands = Path.Combine(RepoPaths.Root, "src", "Timeline.Cli", "Commands");
        var files = Directory.GetFiles(commands, "*.cs");
        Assert.NotEmpty(files);
        var offences = files.SelectMany(f => Violations(File.ReadAllText(f)).Select(v => $"{RepoPaths.Relative(f)}:{v}")).ToList();
        Assert.True(offences.Count == 0, "commands hold pipeline logic:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData("var rules = RuleLoader.Load(settings.Paths);")]
    [InlineData("var p = new IngestPipeline(detector, options);")]
    [InlineData("var chains = ChainBuilder.Build(events, matches);")]
    [InlineData("using var store = new LiteDbCaseStoreFactory().OpenForRead(path);")]
    [InlineData("ICaseStoreFactory factory = CaseStores.Backends[0];")]
    [InlineData("var q = CompiledQuery.Compile(store, text);")]
    [InlineData("var m = new MatchLookup(store.Matches);")]
    [InlineData("store.Matches.Replace(matches);")]
    [InlineData("store.Chains.Replace(chains);")]
    [InlineData("store.Queries.Save(new SavedQuery(n, t, 0));")]
    [InlineData("foreach (var e in store.Events()) n++;")]
    public void APlantedViolationIsFound(string line) =>
        Assert.NotEmpty(Violations("class C\n{\n    void M()\n    {\n        " + line + "\n    }\n}\n"));

    [Theory]
    [InlineData("var result = QueryStep.Run(store, request);")]
    [InlineData("using var store = CaseStores.OpenForRead(settings.Case!);")]
    [InlineData("var chains = ChainStep.LoadOrBuild(store, settings.Rebuild);")]
    [InlineData("var rules = RulesLintStep.Run(settings.Paths);")]
    [InlineData("// the rule engine (RuleEngine) runs inside HuntStep")]
    [InlineData("/// <summary>Unlike <see cref=\"ChainBuilder\"/>, this only renders.</summary>")]
    [InlineData("var lookup = result.MatchLookupText;")]
    [InlineData("console.MarkupLine(\"the RuleLoader said\");")]
    public void EntryPointsCommentsAndTextAreAllowed(string line) =>
        Assert.Empty(Violations("class C\n{\n    void M()\n    {\n        " + line + "\n    }\n}\n"));

    /// <summary>The offending names with their line numbers, outside comments and string literals.</summary>
    private static IEnumerable<string> Violations(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var code = Code(lines[i]);
            foreach (Match m in Identifier().Matches(code))
            {
                var name = m.Value;
                if (Internals.Contains(name, StringComparer.Ordinal) || (name.EndsWith("CaseStoreFactory", StringComparison.Ordinal)))
                    yield return $"{i + 1}: {name}";
            }
            if (StoreWrite().Match(code) is { Success: true } w) yield return $"{i + 1}: {w.Value.Trim()}";
        }
    }

    /// <summary>A line without its string literals and its <c>//</c> comment.</summary>
    private static string Code(string line) => StringLiteral().Replace(line, "\"\"") is var s && s.IndexOf("//", StringComparison.Ordinal) is var at and >= 0 ? s[..at] : StringLiteral().Replace(line, "\"\"");

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();

    /// <summary>Writing findings or saved queries into the case, or reading every event: a step's job.</summary>
    [GeneratedRegex(@"\.(Matches|Chains)\.Replace\(|\.Queries\.Save\(|\.Events\(\)")]
    private static partial Regex StoreWrite();

    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();
}
