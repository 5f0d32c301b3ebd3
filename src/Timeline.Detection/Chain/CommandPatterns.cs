using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// The command-line pattern lists of <see cref="CommandAnalytic"/>, loaded from <c>sigma/commands/*.yml</c>
/// (format in that folder's README). Every list the analytic uses must be there, every list must name
/// its <c>source</c>, and <c>lower-*</c> values must be lower case: a broken file fails the load instead
/// of silently matching nothing.
/// </summary>
public sealed class CommandPatterns
{
    private static readonly Dictionary<string, PatternCompare> CompareNames = new(StringComparer.Ordinal)
    {
        ["contains"] = PatternCompare.Contains,
        ["contains-ignore-case"] = PatternCompare.ContainsIgnoreCase,
        ["lower-contains"] = PatternCompare.LowerContains,
        ["lower-starts-with"] = PatternCompare.LowerStartsWith,
        ["lower-regex"] = PatternCompare.LowerRegex,
        ["regex"] = PatternCompare.Regex,
        ["first-word"] = PatternCompare.FirstWord,
        ["first-word-prefix"] = PatternCompare.FirstWordPrefix,
    };

    private readonly Dictionary<string, PatternList> _lists;

    public CommandPatterns(IEnumerable<PatternList> lists, string origin = "sigma/commands")
    {
        _lists = new Dictionary<string, PatternList>(StringComparer.Ordinal);
        foreach (var list in lists)
            if (!_lists.TryAdd(list.Name, list)) throw new ChainKnowledgeException($"{origin}: list '{list.Name}' is defined twice");
        var missing = Required.Where(n => !_lists.ContainsKey(n)).ToList();
        if (missing.Count > 0) throw new ChainKnowledgeException($"{origin}: missing pattern list(s) {string.Join(", ", missing)} (CommandAnalytic needs them)");
    }

    /// <summary>The lists <see cref="CommandAnalytic"/> reads, by name.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "downloaders", "downloader-starts", "windows-downloaders", "pipe-to-shell", "keys-tamper", "crontab-install", "crontab-install-file",
        "cron-table-paths", "boot-files", "windows-persistence", "history-clearing", "history-file-wipe", "log-clearing", "immutable-flag-tools",
        "sensitive-paths", "process-killers", "competitor-targets", "defense-off", "encoded-payload", "ssh-unattended", "account-tools",
        "account-changes", "privileged-account", "recon-commands", "recon-tools", "exec-prep-tools", "exec-prep-relative", "exec-prep-modes",
        "staging-tools", "staging-places",
    ];

    public IReadOnlyCollection<PatternList> Lists => _lists.Values;

    /// <summary>True when the named list matches the command. Names are those of <see cref="Required"/>.</summary>
    public bool Matches(string list, CommandText text) => _lists[list].Matches(text);

    /// <summary>Loads every <c>*.yml</c> in the folder (sorted, so errors are stable).</summary>
    public static CommandPatterns Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new ChainKnowledgeException($"{directory}: not found (the chain needs the bundled sigma/ folder)");
        var lists = new List<PatternList>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var root = ChainYaml.Root(path);
            if (!root.Children.TryGetValue(new YamlScalarNode("lists"), out var node) || node is not YamlMappingNode map)
                throw new ChainKnowledgeException($"{path}: expected a 'lists' mapping");
            foreach (var (key, body) in map.Children)
                lists.Add(ReadList(path, ((YamlScalarNode)key).Value ?? "", body));
        }
        return new CommandPatterns(lists, directory);
    }

    private static PatternList ReadList(string path, string name, YamlNode body)
    {
        var at = $"{path}:{body.Start.Line}: list '{name}'";
        if (body is not YamlMappingNode list) throw new ChainKnowledgeException($"{at} must be a mapping");
        var compareText = ChainYaml.Scalar(list, "compare") ?? throw new ChainKnowledgeException($"{at} has no 'compare'");
        if (!CompareNames.TryGetValue(compareText, out var compare))
            throw new ChainKnowledgeException($"{at}: unknown compare '{compareText}' ({string.Join(", ", CompareNames.Keys)})");
        var source = ChainYaml.Scalar(list, "source");
        if (string.IsNullOrWhiteSpace(source)) throw new ChainKnowledgeException($"{at} has no 'source' (unsourced knowledge never enters a report)");
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
            if (compare is PatternCompare.Regex or PatternCompare.LowerRegex && parts.Count != 1)
                throw new ChainKnowledgeException($"{path}:{item.Start.Line}: list '{name}': a regex value is one pattern");
            values.Add(parts);
        }
        try
        {
            return new PatternList(name, compare, values, source);
        }
        catch (ArgumentException ex)
        {
            throw new ChainKnowledgeException($"{at}: {ex.Message}", ex);
        }
    }
}
