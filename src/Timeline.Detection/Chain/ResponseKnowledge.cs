using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// What the response plan knows as data, from <c>sigma/response.yml</c> (format in that file): the
/// action categories in the responder's order and the fix for each kind of entry point, each with a
/// source. The categories must be exactly those <see cref="ResponsePlanner"/> writes; fix-entry keys
/// must be entry-point kinds (or <c>default</c>, which is required).
/// </summary>
public sealed class ResponseKnowledge
{
    /// <summary>The categories <see cref="ResponsePlanner"/> writes.</summary>
    public static readonly IReadOnlyList<string> PlannerCategories = ["isolate", "block", "remove", "kill", "rotate", "fix-entry"];

    /// <summary>Entry-point kinds a fix may be given for (<see cref="EntryRanker"/>'s kinds).</summary>
    public static readonly IReadOnlyList<string> EntryKinds =
    [
        AnalyticKinds.SshBruteforceSuccess, AnalyticKinds.RdpBruteforceSuccess, AnalyticKinds.ExploitedService, AnalyticKinds.Lateral,
        AnalyticKinds.NewKey, AnalyticKinds.NewSource, AnalyticKinds.Session, AnalyticKinds.PersistenceWithoutLogin,
    ];

    public const string DefaultFix = "default";
    public const string AccountPlaceholder = "{account}";

    private readonly Dictionary<string, string> _fixes;

    public ResponseKnowledge(IReadOnlyList<string> categoryOrder, IReadOnlyDictionary<string, string> fixes)
    {
        CategoryOrder = categoryOrder;
        _fixes = new Dictionary<string, string>(fixes, StringComparer.Ordinal);
    }

    /// <summary>The categories in the responder's order.</summary>
    public IReadOnlyList<string> CategoryOrder { get; }

    public IReadOnlyDictionary<string, string> Fixes => _fixes;

    /// <summary>Position of a category in the responder's order.</summary>
    public int Rank(string category)
    {
        for (var i = 0; i < CategoryOrder.Count; i++) if (CategoryOrder[i] == category) return i;
        return int.MaxValue;
    }

    /// <summary>The action that closes an entry point of this kind (the default when the kind has none); <paramref name="account"/> fills <c>{account}</c>.</summary>
    public string FixFor(string entryKind, string? account) =>
        (_fixes.GetValueOrDefault(entryKind) ?? _fixes[DefaultFix]).Replace(AccountPlaceholder, account is null ? "" : $" ('{account}')", StringComparison.Ordinal);

    private static readonly string[] TopKeys = ["categories", "fix-entry"];

    public static ResponseKnowledge Load(string path)
    {
        if (!File.Exists(path)) throw new ChainKnowledgeException($"{path}: not found (the chain needs the bundled sigma/ folder)");
        var root = ChainYaml.Root(path);
        ChainYaml.OnlyKeys(root, TopKeys, path);
        if (!root.Children.TryGetValue(new YamlScalarNode("categories"), out var node) || node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw new ChainKnowledgeException($"{path}: missing 'categories' list");
        var order = new List<string>();
        foreach (var item in seq)
        {
            var at = $"{path}:{item.Start.Line}: category";
            var map = ChainYaml.Entry(item, at, ["name", "source"]);
            var name = ChainYaml.Scalar(map, "name");
            if (name is null || !PlannerCategories.Contains(name))
                throw new ChainKnowledgeException($"{at} '{name}' is not a category the planner writes ({string.Join(", ", PlannerCategories)})");
            if (order.Contains(name)) throw new ChainKnowledgeException($"{at} '{name}' is listed twice");
            ChainYaml.Source(map, $"{at} '{name}'");
            order.Add(name);
        }
        if (PlannerCategories.Except(order).ToList() is { Count: > 0 } missing)
            throw new ChainKnowledgeException($"{path}: 'categories' misses {string.Join(", ", missing)} (the planner writes them)");
        var fixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, body) in ChainYaml.Section(root, "fix-entry", path))
        {
            var at = $"{path}:{body.Start.Line}: fix-entry '{kind}'";
            if (kind != DefaultFix && !EntryKinds.Contains(kind))
                throw new ChainKnowledgeException($"{at}: not an entry-point kind ({string.Join(", ", EntryKinds)}, {DefaultFix})");
            var map = ChainYaml.Entry(body, at, ["action", "source"]);
            ChainYaml.Source(map, at);
            var action = ChainYaml.Scalar(map, "action");
            if (string.IsNullOrWhiteSpace(action)) throw new ChainKnowledgeException($"{at} has no 'action'");
            fixes[kind] = action;
        }
        if (!fixes.ContainsKey(DefaultFix)) throw new ChainKnowledgeException($"{path}: 'fix-entry' has no '{DefaultFix}'");
        return new ResponseKnowledge(order, fixes);
    }
}
