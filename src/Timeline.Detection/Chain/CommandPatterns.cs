namespace Timeline.Detection.Chain;

/// <summary>
/// The command-line pattern lists of <see cref="CommandAnalytic"/>, loaded from <c>sigma/commands/*.yml</c>
/// (format in that folder's README). Every list the analytic uses must be there, every list must name
/// its <c>source</c>, and <c>lower-*</c> values must be lower case: a broken file fails the load instead
/// of silently matching nothing.
/// </summary>
public sealed class CommandPatterns
{
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
    public static CommandPatterns Load(string directory) => new(PatternListFiles.Read(directory), directory);
}
