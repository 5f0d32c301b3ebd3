using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Reads one command line (bash history, cron <c>CMD</c>, sudo <c>COMMAND=</c>, crontab entry,
/// rc.local, systemd <c>Exec*=</c>, Windows process, task or service command) and says what the
/// attacker was doing with it. Shapes follow threat-notes §1.3–§1.7: the texts that count are the
/// pattern lists of <see cref="CommandPatterns"/> (<c>sigma/commands/</c>); names, pools, markers and
/// wallet shapes come from <see cref="IndicatorCatalog"/>. What a match means (finding, phase,
/// confidence) is decided here.
/// </summary>
public sealed class CommandAnalytic(IndicatorCatalog indicators, CommandPatterns patterns)
{
    public IReadOnlyList<Finding> Analyze(string command, bool persistenceEntry = false)
    {
        var findings = new List<Finding>();
        if (string.IsNullOrWhiteSpace(command)) return findings;
        var text = CommandText.Of(command);
        var segments = text.Segments;
        bool Has(string list) => patterns.Matches(list, text);

        // Mining: a miner binary run, miner options, pools, wallets.
        var strongArgs = indicators.MinerArgs(command).ToList();
        var pools = CommandArtifacts.Of(command).Urls.Select(CommandArtifacts.HostOf).Concat(PoolOptionHosts(command))
            .OfType<string>().Select(h => (Host: h, Entry: indicators.Pool(h))).Where(p => p.Entry is not null).ToList();
        var wallets = indicators.Wallets(command).ToList();
        var runsMinerFile = segments.Select(ExecutedName).OfType<string>().Select(indicators.MinerFile).FirstOrDefault(e => e is not null && e.Value != "WinRing0x64.sys");
        var strong = strongArgs.Where(a => a.Strength == "strong").ToList();
        if (strong.Count > 0 || pools.Count > 0 || wallets.Count > 0 || runsMinerFile is not null)
        {
            var why = new List<string>();
            if (runsMinerFile is not null) why.Add($"runs '{runsMinerFile.Value}', a known miner/dropper name ({runsMinerFile.Source})");
            if (strong.Count > 0) why.Add("miner options " + string.Join(", ", strong.Select(a => a.Value.Trim())));
            if (pools.Count > 0) why.Add("mining pool " + string.Join(", ", pools.Select(p => p.Host).Distinct()));
            if (wallets.Count > 0) why.Add("a wallet address");
            findings.Add(new Finding(AnalyticKinds.MinerRun, AttackPhase.Mining, string.Join("; ", why), strong.Count + pools.Count + wallets.Count > 0 ? 0.95 : 0.7, true));
        }
        else if (strongArgs.Count > 0)
            findings.Add(new Finding(AnalyticKinds.MinerTuning, AttackPhase.Mining, "tunes the host for a miner: " + string.Join(", ", strongArgs.Select(a => a.Value.Trim())), 0.6, false));

        // Ingress: download piped to a shell, or a download of a known file / from a raw address.
        var downloads = Has("downloaders") || Has("downloader-starts") || Has("windows-downloaders");
        var artifacts = downloads ? CommandArtifacts.Of(command) : CommandArtifacts.None;
        if (downloads && Has("pipe-to-shell"))
            findings.Add(new Finding(AnalyticKinds.DownloadExec, AttackPhase.Execution, "downloads a script and pipes it to a shell (download cradle)", 0.9, true));
        else if (downloads && (artifacts.Urls.Count > 0 || artifacts.Ips.Count > 0))
        {
            var rawIp = artifacts.Hosts.Any(CommandArtifacts.IsIp);
            var known = artifacts.Hosts.Select(indicators.CampaignHost).FirstOrDefault(e => e is not null);
            var knownFile = artifacts.Urls.Select(u => u.Split('/')[^1]).Select(indicators.MinerFile).FirstOrDefault(e => e is not null);
            var why = "downloads " + string.Join(", ", artifacts.Urls.DefaultIfEmpty(string.Join(", ", artifacts.Ips)));
            if (known is not null) why += $" from known campaign infrastructure ({known.Note}; {known.Source})";
            else if (knownFile is not null) why += $" — '{knownFile.Value}' is a known miner/dropper name ({knownFile.Source})";
            else if (rawIp) why += " from a bare IP address";
            findings.Add(new Finding(AnalyticKinds.Download, AttackPhase.Execution, why, rawIp || known is not null || knownFile is not null ? 0.8 : 0.5, rawIp || known is not null || knownFile is not null));
        }

        // Persistence: authorized_keys, cron tables, boot scripts, units, preload.
        if (Has("keys-tamper"))
            findings.Add(new Finding(AnalyticKinds.KeysTamper, AttackPhase.Persistence, "writes SSH authorized_keys (a key gives the attacker a way back in)", 0.85, true));
        // '>' is the shell's redirect: writing a table or boot file, not reading it.
        if (!persistenceEntry && (Has("crontab-install") || Has("crontab-install-file") || (command.Contains('>') && Has("cron-table-paths"))))
            findings.Add(new Finding(AnalyticKinds.CrontabInstall, AttackPhase.Persistence, "installs or replaces a cron table", 0.7, false));
        if (!persistenceEntry && command.Contains('>') && Has("boot-files"))
            findings.Add(new Finding(AnalyticKinds.BootPersistence, AttackPhase.Persistence, "writes a boot script, unit or ld.so.preload", 0.8, true));
        if (Has("windows-persistence"))
            findings.Add(new Finding(AnalyticKinds.WindowsPersistence, AttackPhase.Persistence, "creates a scheduled task or service from the command line", 0.7, true));

        // Evasion.
        if (Has("history-clearing") || Has("history-file-wipe"))
            findings.Add(new Finding(AnalyticKinds.HistoryClear, AttackPhase.Evasion, "clears or disables shell history (T1070.003)", 0.85, true));
        if (Has("log-clearing"))
            findings.Add(new Finding(AnalyticKinds.LogClear, AttackPhase.Evasion, "deletes or empties system logs (T1070.002 / v19 T1685.006)", 0.85, true));
        if (Has("immutable-flag-tools"))
        {
            var onSensitive = Has("sensitive-paths");
            findings.Add(new Finding(AnalyticKinds.Chattr, AttackPhase.Evasion, "changes immutable flags (chattr) " + (onSensitive ? "on SSH, cron or temp paths" : ""), 0.7, onSensitive));
        }
        if (Has("process-killers") && Has("competitor-targets"))
            findings.Add(new Finding(AnalyticKinds.CompetitorKill, AttackPhase.Evasion, "kills competing miners (threat-notes §1.5)", 0.85, true));
        if (Has("defense-off"))
            findings.Add(new Finding(AnalyticKinds.DefenseOff, AttackPhase.Evasion, "turns off a security control (SELinux, firewall, AppArmor, Defender)", 0.7, true));
        if (Has("encoded-payload"))
            findings.Add(new Finding(AnalyticKinds.Encoded, AttackPhase.Execution, "runs an encoded payload", 0.75, true));

        foreach (var marker in indicators.Markers(command))
            findings.Add(new Finding(AnalyticKinds.Marker, marker.Phase ?? AttackPhase.Execution, $"contains '{marker.Value}': {marker.Note} ({marker.Source})", 0.9, true));
        foreach (var path in indicators.DropperPaths(command))
            findings.Add(new Finding(AnalyticKinds.DropperPath, AttackPhase.Execution, $"uses {path.Value.Trim('/')} — a staging path of known miner kits ({path.Source})", 0.85, true));

        // Lateral movement: ssh/scp to another host.
        foreach (var target in SshTarget.AllIn(command))
        {
            var forceful = target.KeyFile is not null || Has("ssh-unattended") || downloads;
            findings.Add(new Finding(AnalyticKinds.SshOut, AttackPhase.Lateral, $"{target.Tool} to {(target.User is null ? "" : target.User + "@")}{target.Host}{(target.KeyFile is null ? "" : " with key " + target.KeyFile)}", forceful ? 0.8 : 0.5, forceful));
        }

        // Accounts and privilege.
        if (Has("account-tools") || Has("account-changes"))
            findings.Add(new Finding(AnalyticKinds.Account, AttackPhase.Privilege, "creates or changes an account, a password or sudo rights", 0.6, Has("privileged-account")));

        // Hands-on activity that only matters inside an attacker's session.
        if (findings.Count == 0)
        {
            if (Has("recon-commands") || Has("recon-tools"))
                findings.Add(new Finding(AnalyticKinds.Recon, AttackPhase.Execution, "looks around the host (system, CPU, users, network)", 0.4, false));
            else if (Has("exec-prep-relative") || Has("exec-prep-tools") || Has("exec-prep-modes"))
                findings.Add(new Finding(AnalyticKinds.ExecPrep, AttackPhase.Execution, "makes a file executable or runs one from the working directory", 0.4, false));
            else if (Has("staging-tools") && Has("staging-places"))
                findings.Add(new Finding(AnalyticKinds.Staging, AttackPhase.Execution, "unpacks or moves files in a temporary or hidden directory", 0.4, false));
        }
        return findings;
    }

    /// <summary>Hosts given to <c>-o</c>/<c>--url</c> without a scheme (<c>-o pool.example:3333</c>).</summary>
    private static IEnumerable<string> PoolOptionHosts(string command)
    {
        var tokens = command.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < tokens.Length; i++)
            if (tokens[i] is "-o" or "--url" && !tokens[i + 1].Contains("://", StringComparison.Ordinal) && tokens[i + 1].Contains(':'))
                yield return tokens[i + 1][..tokens[i + 1].LastIndexOf(':')].ToLowerInvariant();
    }

    /// <summary>Simple commands of a pipeline or list: split on <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c> and parentheses.</summary>
    internal static List<string> Segments(string command) =>
        command.Split([";", "&&", "||", "|", "(", ")", "`", "$("], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The program a simple command runs, skipping <c>sudo</c>, <c>nohup</c>, <c>env</c>, <c>exec</c> and variable assignments.</summary>
    internal static string FirstWord(string segment)
    {
        foreach (var raw in segment.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var t = raw.Trim('"', '\'');
            if (t is "sudo" or "nohup" or "env" or "exec" or "nice" or "setsid" or "time" || (t.Contains('=') && !t.StartsWith('-'))) continue;
            return t;
        }
        return "";
    }

    /// <summary>The base name of the program a segment executes (<c>/tmp/.x/kswapd0 -B</c> → <c>kswapd0</c>).</summary>
    internal static string? ExecutedName(string segment)
    {
        var word = FirstWord(segment);
        if (word.Length == 0) return null;
        var slash = Math.Max(word.LastIndexOf('/'), word.LastIndexOf('\\'));
        return slash >= 0 ? word[(slash + 1)..] : word;
    }
}
