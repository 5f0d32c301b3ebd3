using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Tests.Ingest.Archives;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Packs a scenario folder the way three triage collectors would have collected that host, in the
/// test (no committed binaries), with the scenario's miner still running at collection:
/// <list type="bullet">
/// <item><b>UAC</b> (github.com/tclahr/uac): <c>uac-&lt;host&gt;-linux-&lt;YYYYMMDDhhmmss&gt;.tar.gz</c> holding
///   <c>uac.log</c> (lines <c>YYYY-MM-DD hh:mm:ss ±hhmm LEVEL message</c>, lib/log_message.sh), the files under
///   <c>[root]/</c>, and <c>live_response/process/ps_auxwww.txt</c> / <c>live_response/network/ss_-tanp.txt</c> /
///   <c>live_response/process/proc/&lt;pid&gt;/cmdline.txt</c>.</item>
/// <item><b>CatScale</b> (WithSecureLabs/LinuxCatScale <c>Cat-Scale.sh</c> 1.3): <c>catscale_&lt;host&gt;-&lt;YYYYMMDD-HHMM&gt;.tar.gz</c>
///   made by <c>tar -czf ./catscale_….tar.gz ./catscale_out</c> (members <c>./catscale_out/…</c>); inside, each
///   collected tree is its own <c>tar -czvf … /path</c> (GNU tar strips the leading <c>/</c>):
///   <c>Logs/&lt;host&gt;-&lt;DTG&gt;-var-log.tar.gz</c> (<c>/var/log</c>), <c>User_Files/hidden-user-home-dir.tar.gz</c>
///   (hidden files of each home of /etc/passwd, e.g. <c>root/.bash_history</c>),
///   <c>Process_and_Network/&lt;host&gt;-&lt;DTG&gt;-ssh-folders.tar.gz</c> (every <c>.ssh</c> folder),
///   <c>Persistence/&lt;host&gt;-&lt;DTG&gt;-cron-folder.tar.gz</c> (<c>/var/spool/cron</c>), and the command outputs
///   <c>Process_and_Network/&lt;host&gt;-&lt;DTG&gt;-processes-axwwSo.txt</c> (<c>ps axwwSo user,pid,ppid,vsz,rss,tname,stat,stime,time,args</c>)
///   and <c>…-ss-anepo.txt</c> (<c>ss -anepo</c>: Netid column, unix sockets too, timer/ino/sk cells after the process).</item>
/// <item><b>Velociraptor</b> offline collector: <c>Collection-&lt;host&gt;-&lt;time&gt;.zip</c> with <c>client_info.json</c>
///   (<c>Hostname</c>, <c>Fqdn</c>), the files under <c>uploads/auto/</c> with URL-escaped paths
///   (<c>%2Fvar%2Flog%2Fauth.log</c>), and the JSON-lines results of <c>Linux.Sys.Pslist</c> and
///   <c>Linux.Network.NetstatEnriched</c> under <c>results/</c> (columns from the artifacts' definitions).</item>
/// </list>
/// Which files a scenario has, and which files matter, is not known here: every file of the folder is
/// packed except the scenario's own README and expected chain. The miner's command line, executable and
/// pool come from the scenario's evidence (<see cref="Miner"/>).
/// </summary>
public static partial class ScenarioArchives
{
    /// <summary>Where the running miner's connection goes: the pool's address as the collector saw it (a documentation address, RFC 5737).</summary>
    public const string PoolAddress = "192.0.2.33";
    public const string MinerPid = "23817";
    public const string MinerParentPid = "1";
    private const string HostAddress = "10.0.0.5";

    /// <summary>The miner as the scenario's own evidence shows it: the first command line with a stratum URL.</summary>
    public sealed record Miner(string Command, string Exe, string Pool, string PoolPort)
    {
        public string ProcessName => Exe[(Exe.LastIndexOf('/') + 1)..];
    }

    /// <summary>One collection of a scenario: the archive's file name and bytes, and when the collector says it ran.</summary>
    public sealed record Built(string FileName, byte[] Bytes, DateTimeOffset CollectedAt);

    public static IReadOnlyList<(string Path, byte[] Content)> Files(string scenarioFolder) =>
        Directory.EnumerateFiles(scenarioFolder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(scenarioFolder, f).Replace('\\', '/'), f))
            .Where(f => f.Path is not ("README.md" or ScenarioCase.ExpectedFile))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (f.Path, File.ReadAllBytes(f.f)))
            .ToList();

    public static Miner FindMiner(IReadOnlyList<(string Path, byte[] Content)> files)
    {
        foreach (var (_, content) in files)
        {
            foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
            {
                if (StratumCommand().Match(line) is { Success: true } m)
                    return new Miner(m.Groups["cmd"].Value.Trim(), m.Groups["exe"].Value, m.Groups["pool"].Value, m.Groups["port"].Value);
            }
        }
        throw new InvalidOperationException("the scenario has no command line with a stratum+tcp:// pool");
    }

    // An absolute executable, then arguments up to a redirection or a closing parenthesis (cron's "CMD (…)"), one of them a stratum URL.
    // Shell separators and quotes end a command too (history: `(crontab -l 2>/dev/null; echo "* * * * * /tmp/…"`).
    [GeneratedRegex(@"(?<cmd>(?<exe>/[^\s()>;|&""']+)\s[^()>;|&""']*?stratum\+tcp://(?<pool>[^\s:/]+):(?<port>[0-9]+)[^()>;|&""']*)", RegexOptions.CultureInvariant)]
    private static partial Regex StratumCommand();

    public static Built Uac(string host, IReadOnlyList<(string Path, byte[] Content)> files, Miner miner, DateTimeOffset collectedAt, DateTimeOffset memberTime)
    {
        var start = collectedAt.AddMinutes(-4);
        string Line(DateTimeOffset t, string message) => $"{t:yyyy-MM-dd HH:mm:ss} +0000 INFO {message}\n";
        var log = Line(start, "UAC (Unix-like Artifacts Collector) 2.9.1")
                  + Line(start, "Command line: ./uac -p ir_triage /tmp")
                  + Line(start, "Operating system: linux")
                  + Line(start, "Hostname: " + host)
                  + Line(start.AddSeconds(12), "Collecting live_response/process")
                  + Line(collectedAt, "Acquisition finished");
        var members = new List<(string, byte[])> { ("uac.log", Encoding.UTF8.GetBytes(log)) };
        members.AddRange(files.Select(f => ("[root]/" + f.Path, f.Content)));
        members.Add(("live_response/process/ps_auxwww.txt", Encoding.UTF8.GetBytes(PsAux(miner))));
        members.Add(("live_response/network/ss_-tanp.txt", Encoding.UTF8.GetBytes(SsTanp(miner))));
        // procfs_information.yaml: cat /proc/<pid>/cmdline, every argument ended by a NUL.
        members.Add(($"live_response/process/proc/{MinerPid}/cmdline.txt", Encoding.UTF8.GetBytes(string.Concat(miner.Command.Split(' ').Select(a => a + "\0")))));
        var bytes = ArchiveBuilder.Gzip(Tar(members, memberTime));
        return new Built($"uac-{host}-linux-{collectedAt:yyyyMMddHHmmss}.tar.gz", bytes, collectedAt);
    }

    /// <summary>CatScale names everything by the minute the script started (<c>date +%Y%m%d-%H%M</c>, the host's clock; UTC here); the collection is read as ending with that minute.</summary>
    public static Built CatScale(string host, IReadOnlyList<(string Path, byte[] Content)> files, Miner miner, DateTimeOffset started, DateTimeOffset memberTime)
    {
        var dtg = started.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var prefix = $"{host}-{dtg}";
        byte[] Nested(Func<string, bool> which) => ArchiveBuilder.Gzip(Tar(files.Where(f => which(f.Path)).Select(f => (f.Path, f.Content)).ToList(), memberTime));
        static bool IsHome(string p) => (p.StartsWith("root/", StringComparison.Ordinal) || p.StartsWith("home/", StringComparison.Ordinal)) && !p.Contains("/.ssh/", StringComparison.Ordinal);
        var members = new List<(string, byte[])>
        {
            ($"./catscale_out/{prefix}-console-error-log.txt", Encoding.UTF8.GetBytes("oscheck: pretty_name=\"debian gnu/linux 12 (bookworm)\"\n")),
            ($"./catscale_out/Logs/{prefix}-var-log.tar.gz", Nested(p => p.StartsWith("var/log/", StringComparison.Ordinal))),
            ("./catscale_out/User_Files/hidden-user-home-dir.tar.gz", Nested(IsHome)),
            ($"./catscale_out/Process_and_Network/{prefix}-ssh-folders.tar.gz", Nested(p => p.Contains("/.ssh/", StringComparison.Ordinal))),
            ($"./catscale_out/Persistence/{prefix}-cron-folder.tar.gz", Nested(p => p.StartsWith("var/spool/cron/", StringComparison.Ordinal))),
            ($"./catscale_out/Process_and_Network/{prefix}-processes-axwwSo.txt", Encoding.UTF8.GetBytes(PsAxwwSo(miner))),
            ($"./catscale_out/Process_and_Network/{prefix}-ss-anepo.txt", Encoding.UTF8.GetBytes(SsAnepo(miner))),
        };
        var packed = files.Where(f => f.Path.StartsWith("var/log/", StringComparison.Ordinal) || IsHome(f.Path)
            || f.Path.Contains("/.ssh/", StringComparison.Ordinal) || f.Path.StartsWith("var/spool/cron/", StringComparison.Ordinal)).Count();
        if (packed != files.Count) throw new InvalidOperationException("the scenario has files CatScale does not collect; extend the builder");
        var bytes = ArchiveBuilder.Gzip(Tar(members, memberTime));
        return new Built($"catscale_{prefix}.tar.gz", bytes, started.AddMinutes(1));
    }

    public static Built Velociraptor(string host, IReadOnlyList<(string Path, byte[] Content)> files, Miner miner, DateTimeOffset collectedAt, DateTimeOffset memberTime)
    {
        var clientInfo = $$"""{"Hostname":"{{host}}","Fqdn":"{{host}}.example.net","OS":"linux","Platform":"debian","PlatformVersion":"12.5","KernelVersion":"6.1.0-18-amd64","Architecture":"amd64"}""";
        var members = new List<(string Name, byte[] Content, DateTimeOffset Time)>();
        members.AddRange(files.Select(f => ("uploads/auto/" + Uri.EscapeDataString("/" + f.Path), f.Content, memberTime)));
        members.Add(("results/Linux.Sys.Pslist.json", Encoding.UTF8.GetBytes(Pslist(miner)), collectedAt));
        members.Add(("results/Linux.Network.NetstatEnriched.json", Encoding.UTF8.GetBytes(NetstatEnriched(miner)), collectedAt));
        members.Add(("client_info.json", Encoding.UTF8.GetBytes(clientInfo), collectedAt));
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, time) in members)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = time;
                using var s = entry.Open();
                s.Write(content);
            }
        }
        // Zip stores the member time as a DOS local time: read back what the archive really says.
        using var check = new ZipArchive(new MemoryStream(ms.ToArray()), ZipArchiveMode.Read);
        var stored = check.GetEntry("client_info.json")!.LastWriteTime.ToUniversalTime();
        return new Built($"Collection-{host}-{collectedAt:yyyy-MM-ddTHH_mm_ss}Z.zip", ms.ToArray(), stored);
    }

    private static byte[] Tar(IReadOnlyList<(string Name, byte[] Content)> members, DateTimeOffset time)
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach (var (name, content) in members)
                tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), ModificationTime = time });
        }
        return ms.ToArray();
    }

    // procps-ng `ps auxwww`: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND.
    private static string PsAux(Miner m) =>
        "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
        + "root           1  0.0  0.1 168012 12820 ?        Ss   Feb28   0:04 /sbin/init\n"
        + "root           2  0.0  0.0      0     0 ?        S    Feb28   0:00 [kthreadd]\n"
        + "root         612  0.0  0.0  15432  9216 ?        Ss   Feb28   0:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n"
        + "root         655  0.0  0.0   6612  2688 ?        Ss   Feb28   0:00 /usr/sbin/cron -f\n"
        + $"root       {MinerPid}  98.7  2.3 2449120 189440 ?     Ssl  03:19 167:02 {m.Command}\n";

    // ps axwwSo user,pid,ppid,vsz,rss,tname,stat,stime,time,args (CatScale's PS_FORMAT).
    private static string PsAxwwSo(Miner m) =>
        "USER         PID    PPID    VSZ   RSS TTY      STAT STIME     TIME COMMAND\n"
        + "root           1       0 168012 12820 ?        Ss   Feb28 00:00:04 /sbin/init\n"
        + "root           2       0      0     0 ?        S    Feb28 00:00:00 [kthreadd]\n"
        + "root         612       1  15432  9216 ?        Ss   Feb28 00:00:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n"
        + $"root       {MinerPid}       {MinerParentPid} 2449120 189440 ?    Ssl  03:19 02:47:02 {m.Command}\n";

    // iproute2 `ss -tanp`.
    private static string SsTanp(Miner m) =>
        "State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
        + "LISTEN 0      128          0.0.0.0:22         0.0.0.0:*     users:((\"sshd\",pid=612,fd=3))\n"
        + $"ESTAB  0      0           {HostAddress}:48522  {PoolAddress}:{m.PoolPort}  users:((\"{m.ProcessName}\",pid={MinerPid},fd=12))\n";

    // iproute2 `ss -anepo`: every family (Netid first), then -e/-o cells after the process.
    private static string SsAnepo(Miner m) =>
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
        + "u_str ESTAB  0      0                   * 20563            * 20564 users:((\"systemd\",pid=1,fd=30)) ino:20563 sk:3 <->\n"
        + "tcp   LISTEN 0      128           0.0.0.0:22         0.0.0.0:*     users:((\"sshd\",pid=612,fd=3)) ino:18211 sk:5 cgroup:/system.slice/ssh.service <->\n"
        + $"tcp   ESTAB  0      0           {HostAddress}:48522  {PoolAddress}:{m.PoolPort}  users:((\"{m.ProcessName}\",pid={MinerPid},fd=12)) timer:(keepalive,54sec,0) ino:98231 sk:1f <->\n";

    // Linux.Sys.Pslist: Pid, Ppid, Name, CommandLine, Exe, Hash, Username, CreateTime, RSS, Deleted.
    private static string Pslist(Miner m) =>
        """{"Pid":1,"Ppid":0,"Name":"systemd","CommandLine":"/sbin/init","Exe":"/usr/lib/systemd/systemd","Hash":null,"Username":"root","CreateTime":"2024-02-28T08:00:02Z","RSS":12820480,"Deleted":false}""" + "\n"
        + """{"Pid":612,"Ppid":1,"Name":"sshd","CommandLine":"sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups","Exe":"/usr/sbin/sshd","Hash":null,"Username":"root","CreateTime":"2024-02-28T08:00:05Z","RSS":9437184,"Deleted":false}""" + "\n"
        + $$"""{"Pid":{{MinerPid}},"Ppid":{{MinerParentPid}},"Name":"{{m.ProcessName}}","CommandLine":{{Json(m.Command)}},"Exe":{{Json(m.Exe)}},"Hash":null,"Username":"root","CreateTime":"2024-03-02T03:19:01Z","RSS":193986560,"Deleted":false}""" + "\n";

    // Linux.Network.NetstatEnriched: Laddr, Lport, Raddr, Rport, Pid, Status, ProcInfo, CallChain, ChildrenTree.
    private static string NetstatEnriched(Miner m) =>
        """{"Laddr":"0.0.0.0","Lport":22,"Raddr":"0.0.0.0","Rport":0,"Pid":612,"Status":"LISTEN","ProcInfo":{"Pid":612,"Name":"sshd","Username":"root","Exe":"/usr/sbin/sshd"},"CallChain":"systemd -> sshd","ChildrenTree":null}""" + "\n"
        + $$"""{"Laddr":"{{HostAddress}}","Lport":48522,"Raddr":"{{PoolAddress}}","Rport":{{m.PoolPort}},"Pid":{{MinerPid}},"Status":"ESTABLISHED","ProcInfo":{"Pid":{{MinerPid}},"Name":"{{m.ProcessName}}","Username":"root","Exe":{{Json(m.Exe)}},"CommandLine":{{Json(m.Command)}}},"CallChain":"systemd -> cron -> sh -> {{m.ProcessName}}","ChildrenTree":null}""" + "\n";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

}
