using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>Reading the chain's YAML data files: schemaless nodes with line numbers, errors name file and line.</summary>
internal static class ChainYaml
{
    public static YamlMappingNode Root(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw new ChainKnowledgeException($"{path}: expected a YAML mapping at the top");
            return root;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            throw new ChainKnowledgeException($"{path}: {ex.Message}", ex);
        }
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    /// <summary>Fails on a key of <paramref name="map"/> not in <paramref name="allowed"/> (a typo would otherwise drop knowledge silently).</summary>
    public static void OnlyKeys(YamlMappingNode map, IReadOnlyCollection<string> allowed, string at)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
                throw new ChainKnowledgeException($"{at}: unknown key '{(key as YamlScalarNode)?.Value}' on line {key.Start.Line} (known: {string.Join(", ", allowed)})");
    }

    /// <summary>The entries of a top-level mapping (<c>key: {…}</c> each); a missing section fails unless optional.</summary>
    public static IEnumerable<(string Key, YamlNode Body)> Section(YamlMappingNode root, string key, string path, bool optional = false)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
            return optional ? [] : throw new ChainKnowledgeException($"{path}: missing '{key}' mapping");
        if (node is not YamlMappingNode map) throw new ChainKnowledgeException($"{path}:{node.Start.Line}: '{key}' must be a mapping");
        return map.Children.Select(kv => (kv.Key is YamlScalarNode { Value: { Length: > 0 } k } ? k : throw new ChainKnowledgeException($"{path}:{kv.Key.Start.Line}: a key of '{key}' must be a non-empty string"), kv.Value)).ToList();
    }

    /// <summary>One entry body: a mapping with only the allowed keys.</summary>
    public static YamlMappingNode Entry(YamlNode body, string at, IReadOnlyCollection<string> allowed)
    {
        if (body is not YamlMappingNode map) throw new ChainKnowledgeException($"{at} must be a mapping");
        OnlyKeys(map, allowed, at);
        return map;
    }

    /// <summary>The entry's <c>source</c>; unsourced knowledge never enters a report, so a missing one fails.</summary>
    public static string Source(YamlMappingNode map, string at) =>
        Scalar(map, "source") is { } s && !string.IsNullOrWhiteSpace(s) ? s : throw new ChainKnowledgeException($"{at} has no 'source' (unsourced knowledge never enters a report)");

    /// <summary>A non-empty list of non-empty strings.</summary>
    public static IReadOnlyList<string> Strings(YamlMappingNode map, string key, string at) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq && seq.Children.Count > 0 && seq.All(i => i is YamlScalarNode { Value.Length: > 0 })
            ? [.. seq.Select(i => ((YamlScalarNode)i).Value!)]
            : throw new ChainKnowledgeException($"{at}: '{key}' must be a non-empty list of strings");

    public static AttackPhase Phase(string? text, string path, long line) =>
        PhaseTable.Parse(text)
            ?? throw new ChainKnowledgeException($"{path}:{line}: '{text}' is not a phase ({string.Join(", ", PhaseTable.All.Select(d => d.Name))})");
}
