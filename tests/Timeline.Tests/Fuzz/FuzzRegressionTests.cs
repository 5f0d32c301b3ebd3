using System.Diagnostics;
using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Ingest.Archives;
using Timeline.Detection.Sigma;
using Timeline.Parsers;
using Timeline.Query.Syntax;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Fuzz;

/// <summary>
/// Inputs afl++ found (fuzz/run.sh) that crashed or hung a harness, kept under
/// <c>Fuzz/regressions/TARGET/</c> and replayed the way the harness of that target feeds them
/// (fuzz/Timeline.Fuzz/FuzzTargets.cs): each must finish without an exception, well inside afl's
/// hang limit (5 s per input).
/// </summary>
public sealed class FuzzRegressionTests
{
    /// <summary>
    /// Well inside afl's hang limit. The inputs found took 2.6–12 s before their fix (Debug) and take
    /// 20 ms – 1.1 s after it (the 200,000-node record budget), so the margin absorbs a loaded CI machine.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Timeline.Tests", "Fuzz", "regressions");

    /// <summary>How each afl target feeds its input; the paths are those of the harness.</summary>
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["evtx"] = b => Parse("windows/evtx", "/evidence/Security.evtx", b),
        ["syslog"] = b => Parse("linux/syslog", "/var/log/auth.log", b),
        ["journald"] = b => Parse("linux/journald", "/var/log/journal/fuzz.journal", b),
        ["journald-binary"] = b => Parse("linux/journald", "/var/log/journal/2f6d0e9a4c8b47f1a35e6b7c9d0e1f24/system.journal", b),
        ["audit"] = b => Parse("linux/audit", "/var/log/audit/audit.log", b),
        ["history"] = b => Parse("linux/bash-history", "/home/alice/.bash_history", b),
        ["crontab"] = b => Parse("linux/crontab", "/etc/crontab", b),
        ["authorized-keys"] = b => Parse("linux/authorized-keys", "/home/alice/.ssh/authorized_keys", b),
        ["persistence"] = b =>
        {
            if (b.Length == 0) return;
            (string Parser, string Path)[] files = [("linux/systemd-unit", "/etc/systemd/system/fuzz.service"), ("linux/rc-local", "/etc/rc.local"), ("linux/ld-preload", "/etc/ld.so.preload")];
            var (parser, path) = files[b[0] % files.Length];
            Parse(parser, path, b[1..]);
        },
        ["live"] = b =>
        {
            if (b.Length == 0) return;
            (string Parser, string Path)[] outputs =
            [
                ("live/ps", "/live_response/process/ps_auxwww.txt"), ("live/top", "/live_response/process/top_-b_-n1.txt"),
                ("live/ss", "/live_response/network/ss_-tanp.txt"), ("live/netstat", "/live_response/network/netstat_-anp.txt"),
                ("live/lsof", "/live_response/process/lsof_-nP.txt"), ("live/last", "/live_response/system/last_-F.txt"),
                ("live/systemctl", "/live_response/system/systemctl_list-units.txt"), ("live/proc", "/live_response/process/running_processes_full_paths.txt"),
                ("live/velociraptor", "/results/Linux.Sys.Pslist.json"), ("live/proc-cmdline", "/live_response/process/proc/18884/cmdline.txt"),
            ];
            var (parser, path) = outputs[b[0] % outputs.Length];
            Parse(parser, path, b[1..]);
        },
        ["archive"] = ReadArchive,
        ["login-records"] = b =>
        {
            if (b.Length == 0) return;
            (string Parser, string Path)[] files = [("linux/utmp", "/var/log/wtmp"), ("linux/utmp", "/var/log/btmp"), ("linux/lastlog", "/var/log/lastlog"), ("linux/wtmpdb", "/var/lib/wtmpdb/wtmp.db")];
            var (parser, path) = files[b[0] % files.Length];
            Parse(parser, path, b[1..]);
        },
        ["sigma"] = b => RuleLoader.LoadText(Encoding.UTF8.GetString(b), "fuzz.yml"),
        ["query"] = b =>
        {
            try
            {
                QueryParser.Parse(Encoding.UTF8.GetString(b));
            }
            catch (QuerySyntaxException)
            {
                // The documented refusal.
            }
        },
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Folder, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FoundInputRunsCleanlyAndQuickly(string input)
    {
        var target = input.Split('/')[0];
        Assert.True(Targets.TryGetValue(target, out var run), $"regressions/{target}/ is not an afl target");
        var bytes = File.ReadAllBytes(Path.Combine(Folder, input));
        run!(bytes); // warm-up: JIT and static caches are not the input's cost
        var watch = Stopwatch.StartNew();
        TimeLimit.Run(TimeSpan.FromSeconds(30), input, () =>
        {
            run(bytes);
            return true;
        });
        Assert.True(watch.Elapsed < Budget, $"{input} took {watch.Elapsed.TotalMilliseconds:0} ms (budget {Budget.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public void EveryTargetOfTheHarnessIsReplayable()
    {
        var harness = File.ReadAllText(Path.Combine(RepoPaths.Root, "fuzz", "Timeline.Fuzz", "FuzzTargets.cs"));
        var names = System.Text.RegularExpressions.Regex.Matches(harness, @"new\(""(?<name>[a-z-]+)"",").Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Order(StringComparer.Ordinal), Targets.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The archive harness (fuzz/Timeline.Fuzz/ArchiveInput.cs): the walk ingest runs, without a case or parsers, under the harness's bounds.</summary>
    private static void ReadArchive(byte[] bytes)
    {
        var limits = new ArchiveLimits { MaxTotalBytes = 64L * 1024 * 1024, RatioAfterBytes = 1024 * 1024, MaxMembers = 10_000, SpoolMemoryBytes = 1024 * 1024 };
        var format = ArchiveSignature.Of(() => new MemoryStream(bytes, writable: false));
        if (format == ArchiveFormat.None) return;
        using var temp = new PrivateTempFolder();
        var problems = new ArchiveProblems(limits.ListedProblems);
        var walk = new ArchiveWalk(limits, temp, _ => false, member =>
        {
            using var content = member.Source.OpenContent();
            content.CopyTo(Stream.Null);
        }, nested => GC.KeepAlive(nested), CancellationToken.None);
        GC.KeepAlive(walk.Run("/fuzz/input", "input", () => new MemoryStream(bytes, writable: false), format, new string('0', 64), problems));
        GC.KeepAlive(problems.All().Count());
    }

    private static void Parse(string parserName, string path, byte[] bytes)
    {
        var parser = ParserCatalog.Default.Find(parserName)!;
        var source = EvidenceSource.FromBytes(path, bytes, SampleContext.DefaultMtime);
        parser.Sniff(FormatDetector.Sample(source));
        var context = new ParseContext(path, new string('0', 64)) { DefaultHost = "fuzz-host" };
        foreach (var record in parser.Parse(source, context)) GC.KeepAlive(record);
    }
}
