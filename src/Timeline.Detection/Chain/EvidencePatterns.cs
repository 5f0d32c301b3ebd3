using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// The path and log-line pattern lists of the other analytics and the IOC collector, loaded from
/// <c>sigma/patterns/*.yml</c> (same format as <c>sigma/commands/</c>, see that folder's README): which
/// paths are never IOCs and which are attacker places (<see cref="IocCollector"/>), hidden directories
/// (<see cref="PersistenceFileAnalytic"/>), cron spool tables (<see cref="CronAnalytic"/>), user-writable
/// Windows folders (<see cref="WindowsAnalytic"/>), XMRig, kernel MSR and Redis log lines
/// (<see cref="SyslogAnalytic"/>), kernel-thread names, per-user tool directories and deleted executables
/// of the live state (<see cref="LiveMinerFinder"/>), shells and network services of the audit parent links
/// (<see cref="AuditAnalytic"/>). Every list the code reads must be there, with a source; a regex list
/// whose groups the code reads must define them.
/// </summary>
public sealed class EvidencePatterns
{
    private readonly Dictionary<string, PatternList> _lists;

    public EvidencePatterns(IEnumerable<PatternList> lists, string origin = "sigma/patterns")
    {
        _lists = new Dictionary<string, PatternList>(StringComparer.Ordinal);
        foreach (var list in lists)
            if (!_lists.TryAdd(list.Name, list)) throw new ChainKnowledgeException($"{origin}: list '{list.Name}' is defined twice");
        var missing = Required.Where(n => !_lists.ContainsKey(n)).ToList();
        if (missing.Count > 0) throw new ChainKnowledgeException($"{origin}: missing pattern list(s) {string.Join(", ", missing)} (the chain analytics need them)");
        foreach (var (name, groups) in RequiredGroups)
            if (!_lists[name].CapturesAll(groups))
                throw new ChainKnowledgeException($"{origin}: list '{name}' must be a regex list whose every pattern captures the groups {string.Join(", ", groups)}");
    }

    /// <summary>The lists the chain code reads, by name.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "benign-paths", "never-remove-prefixes", "key-directories", "staging-prefixes", "hidden-directories", "persistence-files", "cron-spool-tables",
        "windows-drop-folders", "windows-service-folders",
        "msr-write", "xmrig-log-lines", "xmrig-log-shares", "xmrig-log-names", "redis-rdb-write", "redis-replica-of",
        "kernel-thread-names", "toolchain-directories", "deleted-executable",
        "service-children", "network-services",
    ];

    /// <summary>Named groups the code reads from a regex list's match.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredGroups = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["msr-write"] = ["comm", "pid"],
    };

    public IReadOnlyCollection<PatternList> Lists => _lists.Values;

    /// <summary>True when the named list matches the path or line. Names are those of <see cref="Required"/>.</summary>
    public bool Matches(string list, string text) => _lists[list].Matches(text);

    /// <summary>The first match of a regex list, for its groups (<see cref="RequiredGroups"/>).</summary>
    public Match? FirstMatch(string list, string text) => _lists[list].FirstMatch(text);

    /// <summary>Loads every <c>*.yml</c> in the folder (sorted, so errors are stable).</summary>
    public static EvidencePatterns Load(string directory) => new(PatternListFiles.Read(directory), directory);
}
