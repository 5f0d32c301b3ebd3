using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// The ATT&amp;CK techniques an analytic's finding stands for, loaded from <c>sigma/techniques.yml</c>
/// (format in that file): analytic kind → technique ids, each id with its ATT&amp;CK name and source.
/// They go into <see cref="Timeline.Core.Findings.AttackStep.Techniques"/> next to the technique tags of
/// the rules that matched; the contract's <c>attack</c> list reads them from there.
/// </summary>
public sealed partial class AttackTechniques
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byKind;

    public AttackTechniques(IReadOnlyDictionary<string, AttackTechnique> techniques, IReadOnlyDictionary<string, IReadOnlyList<string>> byKind, IReadOnlyDictionary<string, string> techniqueLess)
    {
        Techniques = techniques;
        TechniqueLess = techniqueLess;
        _byKind = new Dictionary<string, IReadOnlyList<string>>(byKind, StringComparer.Ordinal);
    }

    /// <summary>Technique id → name and source.</summary>
    public IReadOnlyDictionary<string, AttackTechnique> Techniques { get; }

    /// <summary>Kinds that carry no technique of their own, with the reason (their <c>source</c>).</summary>
    public IReadOnlyDictionary<string, string> TechniqueLess { get; }

    /// <summary>Every kind that has a row (technique-less ones excluded).</summary>
    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    /// <summary>Technique ids for finding or signal kinds, in order, without repeats.</summary>
    public IReadOnlyList<string> Of(IEnumerable<string> kinds) =>
        kinds.SelectMany(k => _byKind.GetValueOrDefault(k) ?? []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The kinds behind a signal: its own kind and every finding it carries.</summary>
    public IReadOnlyList<string> Of(Signal s) =>
        Of(s.Facts.Keys.Where(k => k.StartsWith("finding:", StringComparison.Ordinal)).Select(k => k["finding:".Length..]).Prepend(s.Kind));

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueId();

    private static readonly string[] TopKeys = ["techniques", "kinds", "technique-less"];

    public static AttackTechniques Load(string path)
    {
        if (!File.Exists(path)) throw new ChainKnowledgeException($"{path}: not found (the chain needs the bundled sigma/ folder)");
        var root = ChainYaml.Root(path);
        ChainYaml.OnlyKeys(root, TopKeys, path);
        var techniques = new Dictionary<string, AttackTechnique>(StringComparer.Ordinal);
        foreach (var (id, body) in ChainYaml.Section(root, "techniques", path))
        {
            var at = $"{path}:{body.Start.Line}: technique '{id}'";
            if (!TechniqueId().IsMatch(id)) throw new ChainKnowledgeException($"{at}: not an ATT&CK technique id (T####, T####.###)");
            var map = ChainYaml.Entry(body, at, ["name", "source"]);
            var name = ChainYaml.Scalar(map, "name");
            if (string.IsNullOrWhiteSpace(name)) throw new ChainKnowledgeException($"{at} has no 'name'");
            techniques[id] = new AttackTechnique(id, name, ChainYaml.Source(map, at));
        }
        var byKind = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (kind, body) in ChainYaml.Section(root, "kinds", path))
        {
            var at = $"{path}:{body.Start.Line}: kind '{kind}'";
            var map = ChainYaml.Entry(body, at, ["techniques", "source"]);
            ChainYaml.Source(map, at);
            var ids = ChainYaml.Strings(map, "techniques", at);
            if (ids.FirstOrDefault(i => !techniques.ContainsKey(i)) is { } unknown)
                throw new ChainKnowledgeException($"{at}: '{unknown}' is not listed under 'techniques'");
            byKind[kind] = ids;
        }
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, body) in ChainYaml.Section(root, "technique-less", path, optional: true))
        {
            var at = $"{path}:{body.Start.Line}: kind '{kind}'";
            if (byKind.ContainsKey(kind)) throw new ChainKnowledgeException($"{at} is listed under 'kinds' and 'technique-less'");
            none[kind] = ChainYaml.Source(ChainYaml.Entry(body, at, ["source"]), at);
        }
        return new AttackTechniques(techniques, byKind, none);
    }
}
