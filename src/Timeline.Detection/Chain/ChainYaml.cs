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
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            throw new ChainKnowledgeException($"{path}: {ex.Message}", ex);
        }
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    public static AttackPhase Phase(string? text, string path, long line) =>
        PhaseTable.Parse(text)
            ?? throw new ChainKnowledgeException($"{path}:{line}: '{text}' is not a phase ({string.Join(", ", PhaseTable.All.Select(d => d.Name))})");
}
