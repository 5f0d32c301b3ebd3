using Timeline.Core.Findings;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// Sigma ATT&amp;CK tags → chain phase, loaded from <c>sigma/phases.yml</c> (the file documents the
/// rules). Technique ids map by their longest listed prefix; tactics are compared with <c>_</c>
/// folded to <c>-</c>; when tags name several phases the one first in the precedence list wins.
/// </summary>
public sealed class PhaseMap
{
    private readonly Dictionary<string, AttackPhase> _tactics;
    private readonly Dictionary<string, AttackPhase> _techniques;
    private readonly List<AttackPhase> _precedence;

    public PhaseMap(IReadOnlyDictionary<string, AttackPhase> tactics, IReadOnlyDictionary<string, AttackPhase> techniques, IReadOnlyList<AttackPhase> precedence)
    {
        _tactics = tactics.ToDictionary(p => Fold(p.Key), p => p.Value, StringComparer.Ordinal);
        _techniques = techniques.ToDictionary(p => Fold(p.Key), p => p.Value, StringComparer.Ordinal);
        _precedence = [.. precedence];
        foreach (var phase in Enum.GetValues<AttackPhase>())
            if (!_precedence.Contains(phase)) _precedence.Add(phase);
    }

    public IReadOnlyList<AttackPhase> Precedence => _precedence;

    public static PhaseMap Load(string path)
    {
        var root = ChainYaml.Root(path);
        var tactics = ReadMap(root, "tactics", path);
        var techniques = ReadMap(root, "techniques", path);
        var precedence = new List<AttackPhase>();
        if (root.Children.TryGetValue(new YamlScalarNode("precedence"), out var node) && node is YamlSequenceNode seq)
            foreach (var item in seq) precedence.Add(ChainYaml.Phase(((YamlScalarNode)item).Value, path, item.Start.Line));
        return new PhaseMap(tactics, techniques, precedence);
    }

    private static Dictionary<string, AttackPhase> ReadMap(YamlMappingNode root, string key, string path)
    {
        var result = new Dictionary<string, AttackPhase>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node)) return result;
        if (node is not YamlMappingNode map) throw new ChainKnowledgeException($"{path}:{node.Start.Line}: '{key}' must be a mapping");
        foreach (var (k, v) in map.Children)
            result[((YamlScalarNode)k).Value ?? ""] = ChainYaml.Phase(((YamlScalarNode)v).Value, path, v.Start.Line);
        return result;
    }

    /// <summary>The phase the tags put an event in, or null when no tag is mapped.</summary>
    public AttackPhase? PhaseOf(IEnumerable<string> tags)
    {
        AttackPhase? byTechnique = null, byTactic = null;
        foreach (var raw in tags)
        {
            var tag = Fold(raw);
            if (!tag.StartsWith("attack.", StringComparison.Ordinal)) continue;
            var name = tag["attack.".Length..];
            if (IsTechnique(name))
            {
                if (Technique(name) is { } p) byTechnique = Better(byTechnique, p);
            }
            else if (_tactics.TryGetValue(name, out var t)) byTactic = Better(byTactic, t);
        }
        return byTechnique ?? byTactic;
    }

    private AttackPhase? Technique(string id)
    {
        // t1053.003 → t1053.003, then t1053.
        for (var key = id; ; )
        {
            if (_techniques.TryGetValue(key, out var p)) return p;
            var dot = key.LastIndexOf('.');
            if (dot < 0) return null;
            key = key[..dot];
        }
    }

    private AttackPhase Better(AttackPhase? current, AttackPhase candidate) =>
        current is { } c && _precedence.IndexOf(c) <= _precedence.IndexOf(candidate) ? c : candidate;

    /// <summary>The earlier of two phases in precedence order.</summary>
    public AttackPhase Prefer(AttackPhase a, AttackPhase b) => Better(a, b);

    private static bool IsTechnique(string name) => name.Length > 1 && name[0] == 't' && char.IsAsciiDigit(name[1]);

    private static string Fold(string tag) => tag.Trim().ToLowerInvariant().Replace('_', '-');
}
