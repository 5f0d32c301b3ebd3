using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Chain;

/// <summary>
/// The indicator lists under <c>sigma/indicators/</c> (see its README), indexed for the lookups the
/// analytics make. Every entry must carry a <c>source</c>; an entry without one fails the load so
/// unsourced knowledge never enters a report.
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, IndicatorEntry> _poolExact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndicatorEntry> _poolSuffix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndicatorEntry> _ports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorEntry> _minerFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndicatorEntry> _campaignHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndicatorEntry> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndicatorEntry> _serviceAccounts = new(StringComparer.Ordinal);
    private readonly List<IndicatorEntry> _minerArgs = [];
    private readonly List<IndicatorEntry> _dropperPaths = [];
    private readonly List<IndicatorEntry> _markers = [];
    // Wallet shapes are fixed-length character classes between lookarounds: linear for the backtracking
    // engine (the non-backtracking one has no lookarounds); the timeout guards hostile input anyway.
    private readonly List<(Regex Shape, IndicatorEntry Entry)> _wallets = [];

    public IndicatorCatalog(IEnumerable<IndicatorEntry> entries)
    {
        Entries = [.. entries];
        foreach (var e in Entries)
        {
            switch (e.Kind)
            {
                case "pool-domain": (e.Match == "suffix" ? _poolSuffix : _poolExact)[e.Value] = e; break;
                case "pool-port": _ports[e.Value] = e; break;
                case "miner-file": _minerFiles[e.Value] = e; break;
                case "dropper-path": _dropperPaths.Add(e); break;
                case "miner-arg": _minerArgs.Add(e); break;
                case "marker": _markers.Add(e); break;
                case "campaign-host": _campaignHosts[e.Value] = e; break;
                case "service": _services[e.Value] = e; break;
                case "service-account": _serviceAccounts[e.Value] = e; break;
                case "wallet":
                    _wallets.Add((new Regex(@"(?<![1-9A-HJ-NP-Za-km-z])" + e.Value + @"(?![1-9A-HJ-NP-Za-km-z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), e));
                    break;
                default: throw new ChainKnowledgeException($"{e.File}:{e.Line}: unknown indicator kind '{e.Kind}'");
            }
        }
    }

    public IReadOnlyList<IndicatorEntry> Entries { get; }

    /// <summary>Loads every <c>*.yml</c> in the folder (sorted, so results are stable).</summary>
    public static IndicatorCatalog Load(string directory)
    {
        var entries = new List<IndicatorEntry>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var root = ChainYaml.Root(path);
            var fileKind = ChainYaml.Scalar(root, "kind") ?? throw new ChainKnowledgeException($"{path}: missing 'kind'");
            if (!root.Children.TryGetValue(new YamlScalarNode("entries"), out var node) || node is not YamlSequenceNode list)
                throw new ChainKnowledgeException($"{path}: missing 'entries' list");
            foreach (var item in list)
            {
                if (item is not YamlMappingNode map) throw new ChainKnowledgeException($"{path}:{item.Start.Line}: an entry must be a mapping");
                var value = ChainYaml.Scalar(map, "value");
                var source = ChainYaml.Scalar(map, "source");
                if (string.IsNullOrWhiteSpace(value)) throw new ChainKnowledgeException($"{path}:{item.Start.Line}: entry without a value");
                if (string.IsNullOrWhiteSpace(source)) throw new ChainKnowledgeException($"{path}:{item.Start.Line}: entry '{value}' has no source");
                var phase = ChainYaml.Scalar(map, "phase") is { } p ? ChainYaml.Phase(p, path, item.Start.Line) : (Core.Findings.AttackPhase?)null;
                entries.Add(new IndicatorEntry(ChainYaml.Scalar(map, "kind") ?? fileKind, value, source, path, item.Start.Line,
                    ChainYaml.Scalar(map, "match") ?? "exact", phase, ChainYaml.Scalar(map, "strength") ?? "strong", ChainYaml.Scalar(map, "note")));
            }
        }
        return new IndicatorCatalog(entries);
    }

    /// <summary>The pool entry for a host name: exact name first, then each parent domain.</summary>
    public IndicatorEntry? Pool(string host)
    {
        if (_poolExact.TryGetValue(host, out var exact)) return exact;
        for (var name = host; ; )
        {
            if (_poolSuffix.TryGetValue(name, out var suffix)) return suffix;
            var dot = name.IndexOf('.');
            if (dot < 0) return null;
            name = name[(dot + 1)..];
        }
    }

    public IndicatorEntry? PoolPort(string port) => _ports.GetValueOrDefault(port);
    public IndicatorEntry? MinerFile(string baseName) => _minerFiles.GetValueOrDefault(baseName);
    public IndicatorEntry? CampaignHost(string hostOrIp) => _campaignHosts.GetValueOrDefault(hostOrIp);
    public IndicatorEntry? Service(string name) => _services.GetValueOrDefault(name);
    public bool IsServiceAccount(string? user) => user is not null && _serviceAccounts.ContainsKey(user);

    public IEnumerable<IndicatorEntry> MinerArgs(string text) => _minerArgs.Where(e => text.Contains(e.Value, StringComparison.OrdinalIgnoreCase));
    public IEnumerable<IndicatorEntry> DropperPaths(string text) => _dropperPaths.Where(e => text.Contains(e.Value, StringComparison.Ordinal));
    public IEnumerable<IndicatorEntry> Markers(string text) => _markers.Where(e => text.Contains(e.Value, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<(string Wallet, IndicatorEntry Entry)> Wallets(string text)
    {
        foreach (var (shape, entry) in _wallets)
            foreach (Match m in shape.Matches(text)) yield return (m.Value, entry);
    }
}
