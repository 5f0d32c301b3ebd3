using System.Diagnostics;
using System.Text.Json;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary>The CLI as a user runs it: real process, real files, exit codes and JSON contracts.</summary>
public sealed class CliTests
{
    private static string Scenario => Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig");

    [Fact]
    public void AnalyzeWithoutCaseWritesOneNamedAfterTheEvidenceAndSaysWhere()
    {
        var dir = Some.TempDir();
        var r = CliRunner.Run(dir, "analyze", Scenario);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var expected = Path.Combine(dir, "ssh-bruteforce-cron-xmrig.timeline.db");
        Assert.True(File.Exists(expected));
        Assert.Contains("ssh-bruteforce-cron-xmrig.timeline.db", r.Stdout);
    }

    [Fact]
    public void QueryJsonLinesFollowsThePublicContract()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "c.db");
        Assert.Equal(0, CliRunner.Run(dir, "ingest", Scenario, "--case", casePath).ExitCode);
        var r = CliRunner.Run(dir, "query", "--case", casePath, "--format", "jsonl", "--from", "2024-03-02T03:15:02Z", "--to", "2024-03-02T03:15:03Z");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var accepted = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("message").GetString()!.Contains("Accepted password"));
        Assert.Equal(["id", "time", "timeQuality", "host", "parser", "message", "fields", "rules", "phase", "origin", "sortTime"], accepted.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2024-03-02T03:15:02.4819130Z", accepted.GetProperty("time").GetString());
        Assert.Equal("exact", accepted.GetProperty("timeQuality").GetString());
        Assert.Equal("web01", accepted.GetProperty("host").GetString());
        Assert.Equal("linux/auth", accepted.GetProperty("parser").GetString());
        Assert.Equal("203.0.113.45", accepted.GetProperty("fields").GetProperty("src_ip").GetString());
        Assert.Equal(JsonValueKind.Array, accepted.GetProperty("rules").ValueKind);
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("phase").ValueKind);
        var origin = accepted.GetProperty("origin");
        Assert.EndsWith("auth.log", origin.GetProperty("file").GetString());
        Assert.Equal(64, origin.GetProperty("sha256").GetString()!.Length);
        Assert.True(origin.GetProperty("line").GetInt64() > 0);
    }

    [Fact]
    public void StatsJsonListsFilesWithHashesAndCounts()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "c.db");
        CliRunner.Run(dir, "ingest", Scenario, "--case", casePath);
        var r = CliRunner.Run(dir, "stats", "--case", casePath, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        var all = root.GetProperty("files").EnumerateArray().ToList();
        var unrecognised = all.Where(f => f.GetProperty("parser").GetString() == "unrecognized").ToList();
        Assert.Contains(unrecognised, f => f.GetProperty("path").GetString()!.EndsWith("README.md"));
        Assert.All(unrecognised, f => Assert.Equal(0, f.GetProperty("events").GetInt64()));
        var files = all.Except(unrecognised).ToList();
        Assert.Equal(5, files.Count);
        long sum = 0;
        foreach (var f in files)
        {
            var path = f.GetProperty("path").GetString()!;
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            Assert.Equal(sha, f.GetProperty("sha256").GetString());
            sum += f.GetProperty("events").GetInt64();
            Assert.True(f.TryGetProperty("parser", out _) && f.TryGetProperty("warnings", out _));
        }
        Assert.Equal(sum, root.GetProperty("events").GetInt64());
        Assert.Equal(root.GetProperty("byParser").EnumerateObject().Sum(p => p.Value.GetInt64()), sum);
        Assert.True(root.GetProperty("byParser").GetProperty("linux/auth").GetInt64() > 100);
    }

    [Fact]
    public void HostlessFilesTakeTheHostTheirLogsName()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "c.db");
        CliRunner.Run(dir, "ingest", Scenario, "--case", casePath);
        var r = CliRunner.Run(dir, "query", "--case", casePath, "--format", "jsonl");
        var hosts = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("host").GetString()).Distinct().ToList();
        Assert.Equal(["web01"], hosts);
    }

    [Fact]
    public void ExitCodesTellUsageErrorsMissingCasesAndUnreadableInputApart()
    {
        var dir = Some.TempDir();
        Assert.Equal(1, CliRunner.Run(dir, "query", "--case", "x.db", "--format", "yaml").ExitCode);
        Assert.Equal(1, CliRunner.Run(dir, "ingest", Scenario).ExitCode);
        var missing = CliRunner.Run(dir, "stats", "--case", Path.Combine(dir, "nope.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("timeline ingest", missing.Stderr);
        File.WriteAllText(Path.Combine(dir, "prose.txt"), "nothing to see\n");
        ExitsWith(4, CliRunner.Run(dir, "ingest", Path.Combine(dir, "prose.txt"), "--case", Path.Combine(dir, "c.db")));
        ExitsWith(4, CliRunner.Run(dir, "ingest", Path.Combine(dir, "no-such-dir"), "--case", Path.Combine(dir, "c2.db")));
    }

    // Once seen exiting 2 instead of 4 on a heavily loaded machine and never reproduced: a failure says what the CLI printed.
    private static void ExitsWith(int expected, CliRunner.Result r) =>
        Assert.True(r.ExitCode == expected, $"exit {r.ExitCode}, expected {expected}\nstderr: {r.Stderr}\nstdout: {r.Stdout}");

    [Fact]
    public void HelpExplainsEveryCommand()
    {
        var r = CliRunner.Run(Some.TempDir(), "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var command in new[] { "analyze", "ingest", "stats", "query" }) Assert.Contains(command, r.Stdout);
    }

    [Fact]
    public void KillDuringIngestLeavesACaseThatOpensAndCanBeIngestedAgain()
    {
        var dir = Some.TempDir();
        var log = Path.Combine(dir, "auth.log");
        using (var w = new StreamWriter(log))
        {
            for (var i = 0; i < 400_000; i++)
                w.Write($"2024-03-02T03:{i / 60000 % 60:00}:{i / 1000 % 60:00}.{i % 1000:000}000+00:00 web01 sshd[{1000 + i % 500}]: Failed password for root from 203.0.113.{i % 250 + 1} port {20000 + i % 40000} ssh2\n");
        }
        var casePath = Path.Combine(dir, "case.db");
        using (var p = Process.Start(CliRunner.StartInfo(dir, "ingest", log, "--case", casePath))!)
        {
            var sw = Stopwatch.StartNew();
            while (!p.HasExited && sw.Elapsed < TimeSpan.FromSeconds(30) && (!File.Exists(casePath) || new FileInfo(casePath).Length < 2_000_000)) Thread.Sleep(20);
            Assert.False(p.HasExited, "the ingest finished before it could be killed; make the input larger");
            p.Kill(); // SIGKILL: no cleanup runs
            p.WaitForExit();
        }
        var stats = CliRunner.Run(dir, "stats", "--case", casePath, "--format", "json");
        Assert.True(stats.ExitCode == 0, stats.Stderr);
        var again = CliRunner.Run(dir, "ingest", log, "--case", casePath);
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        var root = JsonDocument.Parse(CliRunner.Run(dir, "stats", "--case", casePath, "--format", "json").Stdout).RootElement;
        Assert.Equal(400_000, root.GetProperty("events").GetInt64());
        Assert.Equal("complete", root.GetProperty("files")[0].GetProperty("state").GetString());
    }

    [Fact]
    public void BadInputIsWarnedWithFileAndLineAndEveryGoodLineIsKept()
    {
        var dir = Some.TempDir();
        var ev = Path.Combine(dir, "evidence");
        Directory.CreateDirectory(ev);
        const string good = "2024-03-02T03:15:02.481913+00:00 web01 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2";
        // CRLF line ends, a line with invalid UTF-8, a junk line without a syslog header, a 10 MB line.
        using (var f = File.Create(Path.Combine(ev, "auth.log")))
        {
            f.Write(System.Text.Encoding.UTF8.GetBytes(good + "\r\n"));
            f.Write([.. System.Text.Encoding.UTF8.GetBytes("2024-03-02T03:15:03.000000+00:00 web01 sshd[1]: Invalid user "), 0xFF, 0xFE, (byte)'\n']);
            f.Write("just junk, no header\n"u8);
            f.Write(System.Text.Encoding.UTF8.GetBytes("2024-03-02T03:15:04.000000+00:00 web01 sshd[1]: " + new string('A', 10 * 1024 * 1024) + "\n"));
            f.Write(System.Text.Encoding.UTF8.GetBytes(good.Replace("03:15:02", "03:15:05") + "\n"));
        }
        File.WriteAllBytes(Path.Combine(ev, "wtmp"), [0, 0, 0, 7, 1, 2, 3, 0, 0xFF]);
        File.WriteAllBytes(Path.Combine(ev, "empty.log"), []);
        var gz = Path.Combine(ev, "auth.log.2.gz");
        using (var packed = new MemoryStream())
        {
            using (var z = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                for (var i = 0; i < 3000; i++) z.Write(System.Text.Encoding.UTF8.GetBytes(good.Replace("sshd[1]", $"sshd[{i + 100}]") + $" n{i * 7919 % 10007}\n"));
            File.WriteAllBytes(gz, packed.ToArray()[..(int)(packed.Length / 2)]);
        }
        var casePath = Path.Combine(dir, "c.db");
        var r = CliRunner.Run(dir, "ingest", ev, "--case", casePath);
        Assert.True(r.ExitCode == 3, r.Stdout + r.Stderr);
        var root = JsonDocument.Parse(CliRunner.Run(dir, "stats", "--case", casePath, "--format", "json").Stdout).RootElement;
        var auth = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("evidence/auth.log"));
        Assert.Equal(5, auth.GetProperty("events").GetInt64());
        var warnings = root.GetProperty("warningList").EnumerateArray().Select(w => (File: w.GetProperty("file").GetString()!, Line: w.TryGetProperty("line", out var l) ? l.GetInt64() : -1, Message: w.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(warnings, w => w.File.EndsWith("auth.log") && w.Line == 2 && w.Message.Contains("UTF-8"));
        Assert.Contains(warnings, w => w.File.EndsWith("auth.log") && w.Line == 3);
        Assert.Contains(warnings, w => w.File.EndsWith("auth.log") && w.Line == 4 && w.Message.Contains("bytes long"));
        Assert.Contains(warnings, w => w.File.EndsWith(".gz") && w.Message.Contains("truncated or corrupt"));
        Assert.Contains(warnings, w => w.File.EndsWith("wtmp") && w.Message.Contains("binary"));
        Assert.Contains(warnings, w => w.File.EndsWith("empty.log") && w.Message.Contains("empty"));
        var gzFile = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith(".gz"));
        Assert.InRange(gzFile.GetProperty("events").GetInt64(), 100, 2999);
    }

    [Fact]
    public void HostlessFilesInAMultiHostFolderTakeTheHostOfTheirNearestLogs()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "c.db");
        var evidence = Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-lateral-two-hosts");
        Assert.Equal(0, CliRunner.Run(dir, "ingest", evidence, "--case", casePath).ExitCode);
        var lines = CliRunner.Run(dir, "query", "--case", casePath, "parser:linux/bash-history", "--format", "jsonl").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(lines);
        foreach (var e in lines)
        {
            var file = e.GetProperty("origin").GetProperty("file").GetString()!;
            var expected = file.Contains("/web02/", StringComparison.Ordinal) ? "web02" : "db02";
            Assert.Equal(expected, e.GetProperty("host").GetString());
        }
        Assert.Equal(2, lines.Select(e => e.GetProperty("host").GetString()).Distinct().Count());
    }
}
