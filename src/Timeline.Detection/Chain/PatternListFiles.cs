using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// Reads a folder of pattern-list files (<c>sigma/commands/</c>, <c>sigma/patterns/</c>; format in their
/// READMEs): a <c>lists:</c> mapping, each list with <c>compare</c>, <c>source</c>, <c>values</c> (and an
/// optional <c>note</c>). Any problem — unknown key or compare mode, missing source or values, an
/// upper-case value in a <c>lower-*</c> list, a bad regex — fails with file and line.
/// </summary>
internal static class PatternListFiles
{
    private static readonly Dictionary<string, PatternCompare> CompareNames = new(StringComparer.Ordinal)
    {
        ["contains"] = PatternCompare.Contains,
        ["contains-ignore-case"] = PatternCompare.ContainsIgnoreCase,
        ["lower-contains"] = PatternCompare.LowerContains,
        ["lower-starts-with"] = PatternCompare.LowerStartsWith,
        ["lower-regex"] = PatternCompare.LowerRegex,
        ["regex"] = PatternCompare.Regex,
        ["exact"] = PatternCompare.Exact,
        ["starts-with"] = PatternCompare.StartsWith,
        ["linear-regex"] = PatternCompare.LinearRegex,
        ["first-word"] = PatternCompare.FirstWord,
        ["first-word-prefix"] = PatternCompare.FirstWordPrefix,
    };

    private static readonly string[] ListKeys = ["compare", "source", "values", "note"];

    public static List<PatternList> Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new ChainKnowledgeException($"{directory}: not found (the chain needs the bundled sigma/ folder)");
        var lists = new List<PatternList>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var root = ChainYaml.Root(path);
            ChainYaml.OnlyKeys(root, ["lists"], path);
            if (!root.Children.TryGetValue(new YamlScalarNode("lists"), out var node) || node is not YamlMappingNode map)
                throw new ChainKnowledgeException($"{path}: expected a 'lists' mapping");
            foreach (var (key, body) in map.Children)
                lists.Add(ReadList(path, ((YamlScalarNode)key).Value ?? "", body));
        }
        return lists;
    }

    private static PatternList ReadList(string path, string name, YamlNode body)
    {
        var at = $"{path}:{body.Start.Line}: list '{name}'";
        var list = ChainYaml.Entry(body, at, ListKeys);
        var compareText = ChainYaml.Scalar(list, "compare") ?? throw new ChainKnowledgeException($"{at} has no 'compare'");
        if (!CompareNames.TryGetValue(compareText, out var compare))
            throw new ChainKnowledgeException($"{at}: unknown compare '{compareText}' ({string.Join(", ", CompareNames.Keys)})");
        var source = ChainYaml.Source(list, at);
        if (!list.Children.TryGetValue(new YamlScalarNode("values"), out var valuesNode) || valuesNode is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw new ChainKnowledgeException($"{at} has no 'values'");
        var values = new List<IReadOnlyList<string>>();
        foreach (var item in seq)
        {
            IReadOnlyList<string> parts = item switch
            {
                YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value],
                YamlSequenceNode all when all.Children.Count > 0 && all.All(p => p is YamlScalarNode { Value.Length: > 0 }) => [.. all.Select(p => ((YamlScalarNode)p).Value!)],
                _ => throw new ChainKnowledgeException($"{path}:{item.Start.Line}: list '{name}': a value is a non-empty string or a list of them"),
            };
            if (compare is PatternCompare.LowerContains or PatternCompare.LowerStartsWith && parts.Any(p => p != p.ToLowerInvariant()))
                throw new ChainKnowledgeException($"{path}:{item.Start.Line}: list '{name}' compares lower-cased text, so '{string.Join(" ", parts)}' must be lower case");
            if (compare is PatternCompare.Regex or PatternCompare.LowerRegex or PatternCompare.LinearRegex && parts.Count != 1)
                throw new ChainKnowledgeException($"{path}:{item.Start.Line}: list '{name}': a regex value is one pattern");
            values.Add(parts);
        }
        try
        {
            return new PatternList(name, compare, values, source);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ChainKnowledgeException($"{at}: {ex.Message}", ex);
        }
    }
}
