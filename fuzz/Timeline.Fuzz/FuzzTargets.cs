using System.Text;
using Timeline.Detection.Sigma;
using Timeline.Query.Syntax;

namespace Timeline.Fuzz;

/// <summary>
/// Every harness. Paths given to the parsers are where the format lives on a Linux host, because the
/// persistence parsers read the owner and location from the path (<c>TriagePath</c>).
/// </summary>
public static class FuzzTargets
{
    /// <summary>
    /// systemd unit, rc.local and ld.so.preload are small line formats of one family: one harness,
    /// the first input byte picks the parser and the rest is the file.
    /// </summary>
    private static readonly (string Parser, string Path)[] PersistenceFiles =
    [
        ("linux/systemd-unit", "/etc/systemd/system/fuzz.service"),
        ("linux/rc-local", "/etc/rc.local"),
        ("linux/ld-preload", "/etc/ld.so.preload"),
    ];

    /// <summary>
    /// Command outputs a triage collector saves (live state): one harness, the first input byte picks
    /// the parser and the rest is the output. Paths are what UAC names the files.
    /// </summary>
    private static readonly (string Parser, string Path)[] LiveOutputs =
    [
        ("live/ps", "/live_response/process/ps_auxwww.txt"),
        ("live/top", "/live_response/process/top_-b_-n1.txt"),
        ("live/ss", "/live_response/network/ss_-tanp.txt"),
        ("live/netstat", "/live_response/network/netstat_-anp.txt"),
        ("live/lsof", "/live_response/process/lsof_-nP.txt"),
        ("live/last", "/live_response/system/last_-F.txt"),
        ("live/systemctl", "/live_response/system/systemctl_list-units.txt"),
        ("live/proc", "/live_response/process/running_processes_full_paths.txt"),
        ("live/velociraptor", "/results/Linux.Sys.Pslist.json"),
        ("live/proc-cmdline", "/live_response/process/proc/18884/cmdline.txt"),
    ];

    /// <summary>
    /// Login records (binary, fixed-size records and SQLite): one harness, the first input byte picks
    /// the parser and path — wtmp and btmp differ only by name (btmp records are failed logins).
    /// </summary>
    private static readonly (string Parser, string Path)[] LoginRecordFiles =
    [
        ("linux/utmp", "/var/log/wtmp"),
        ("linux/utmp", "/var/log/btmp"),
        ("linux/lastlog", "/var/log/lastlog"),
        ("linux/wtmpdb", "/var/lib/wtmpdb/wtmp.db"),
    ];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("evtx", "Windows EVTX reader (file header, chunks, BinXML, templates)",
            root => SeedFiles.Under(root, "sample-logs/windows/evtx"),
            bytes => ParserInput.Parse("windows/evtx", "/evidence/Security.evtx", bytes)),
        new("syslog", "syslog family: traditional, RFC 3339 and RFC 5424 envelopes, auth (sshd, sudo, su, pam, shadow-utils, logind) and cron grammars",
            root => SeedFiles.Under(root, "sample-logs/linux/auth", "sample-logs/linux/syslog", "sample-logs/linux/cron", "sample-logs/hostile/damaged/var/log/auth.log"),
            bytes => ParserInput.Parse("linux/syslog", "/var/log/auth.log", bytes)),
        new("journald", "journald export format and journalctl -o json",
            root => SeedFiles.Under(root, "sample-logs/linux/journald"),
            bytes => ParserInput.Parse("linux/journald", "/var/log/journal/fuzz.journal", bytes)),
        new("journald-binary", "binary journal files: header flags and sizes, entry array chain, regular and compact ENTRY/DATA objects, zstd/LZ4/xz payloads, linear-scan recovery",
            root => SeedFiles.Paths(root, "sample-logs/linux/journald/binary")
                .Where(p => p.EndsWith(".journal", StringComparison.Ordinal) || p.EndsWith(".journal~", StringComparison.Ordinal))
                .Select(File.ReadAllBytes),
            bytes => ParserInput.Parse("linux/journald", "/var/log/journal/2f6d0e9a4c8b47f1a35e6b7c9d0e1f24/system.journal", bytes)),
        new("audit", "kernel audit log: RAW/ENRICHED records, node= prefixes, msg='…' user-space fields, hex and pieced EXECVE argv, the event joiner",
            root => SeedFiles.Under(root, "sample-logs/linux/audit"),
            bytes => ParserInput.Parse("linux/audit", "/var/log/audit/audit.log", bytes)),
        new("history", "bash and zsh history (timestamps, extended zsh lines)",
            root => SeedFiles.Under(root, "sample-logs/linux/bash-history"),
            bytes => ParserInput.Parse("linux/bash-history", "/home/alice/.bash_history", bytes)),
        new("crontab", "crontab files (system with user field, per-user spool)",
            root => SeedFiles.Under(root, "sample-logs/linux/crontab"),
            bytes => ParserInput.Parse("linux/crontab", "/etc/crontab", bytes)),
        new("authorized-keys", "ssh authorized_keys (options, key types, fingerprints)",
            root => SeedFiles.Under(root, "sample-logs/linux/authorized-keys"),
            bytes => ParserInput.Parse("linux/authorized-keys", "/home/alice/.ssh/authorized_keys", bytes)),
        new("persistence", "systemd unit / rc.local / ld.so.preload; the first byte selects the parser",
            root => PersistenceFiles.SelectMany((file, selector) =>
                SeedFiles.Under(root, SampleFolder(file.Parser)).Select(bytes => (byte[])[(byte)selector, .. bytes])),
            bytes =>
            {
                if (bytes.Length == 0) return;
                var (parser, path) = PersistenceFiles[bytes[0] % PersistenceFiles.Length];
                ParserInput.Parse(parser, path, bytes[1..]);
            }),
        new("live", "live-state command outputs: ps, top, ss, netstat, lsof, last, systemctl, UAC /proc links and cmdline.txt, Velociraptor results; the first byte selects the parser",
            root => LiveOutputs.SelectMany((file, selector) =>
                SeedFiles.Under(root, SampleFolder(file.Parser)).Select(bytes => (byte[])[(byte)selector, .. bytes])),
            bytes =>
            {
                if (bytes.Length == 0) return;
                var (parser, path) = LiveOutputs[bytes[0] % LiveOutputs.Length];
                ParserInput.Parse(parser, path, bytes[1..]);
            }),
        new("archive", "archive reader: tar, tar.gz/xz/zst, zip, nested archives, collector layouts (survey and read passes, member spooling), bounded",
            ArchiveInput.Seeds,
            ArchiveInput.Read),
        new("login-records", "utmp/wtmp/btmp (384/400-byte layouts), lastlog (292/296), wtmpdb (SQLite); the first byte selects the parser",
            root => LoginRecordFiles.SelectMany((file, selector) =>
                SeedFiles.Under(root, SampleFolder(file.Parser)).Select(bytes => (byte[])[(byte)selector, .. bytes])),
            bytes =>
            {
                if (bytes.Length == 0) return;
                var (parser, path) = LoginRecordFiles[bytes[0] % LoginRecordFiles.Length];
                ParserInput.Parse(parser, path, bytes[1..]);
            }),
        new("sigma", "Sigma rule loader: YAML documents, detections, modifiers, conditions, correlations",
            root => SeedFiles.Under(root, "sigma/rules", "sample-logs/hostile/damaged/rules"),
            // LoadText turns every problem with a rule into a RuleLoadError; it has no documented exception.
            bytes => GC.KeepAlive(RuleLoader.LoadText(Encoding.UTF8.GetString(bytes), "fuzz.yml"))),
        new("query", "query language parser (lexer, precedence, ranges, regexes, bounds)",
            root => SeedFiles.Lines(root, "fuzz/seeds/queries.txt"),
            bytes =>
            {
                try
                {
                    GC.KeepAlive(QueryParser.Parse(Encoding.UTF8.GetString(bytes)));
                }
                catch (QuerySyntaxException)
                {
                    // The documented refusal of a query that cannot be understood.
                }
            }),
    ];

    /// <summary>A parser's samples live in the folder named after it: <c>linux/rc-local</c> → <c>sample-logs/linux/rc-local</c>.</summary>
    private static string SampleFolder(string parser) => "sample-logs/" + parser;

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
