using System.Diagnostics;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Detection.Sigma;
using Timeline.Parsers;
using Timeline.Tests.Detection;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>
/// sample-logs/hostile/damaged end to end (issue 11): every line `cat`/`zcat` shows is one event (none
/// lost, none doubled), every damage is a warning at its position, special files are listed and never
/// opened, hostile rules are load errors and a catastrophic regex is bounded and counted, all in
/// bounded time. Expected counts come from the files themselves (and from `zcat`), not from constants.
/// </summary>
public sealed class HostileCorpusTests
{
    private static string Corpus => Path.Combine(RepoPaths.SampleLogs, "hostile", "damaged");

    /// <summary>Non-blank lines once NUL runs are ignored: what an analyst sees as log lines.</summary>
    private static List<byte[]> Lines(byte[] content)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i < content.Length && content[i] != (byte)'\n') continue;
            lines.Add(content[start..i]);
            start = i + 1;
        }
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static bool HasText(byte[] line) => line.Any(b => b != 0 && !char.IsWhiteSpace((char)b));

    private static byte[] Zcat(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("zcat", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var output = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(output);
        p.WaitForExit();
        return output.ToArray();
    }

    [Fact]
    public async Task TheDamagedCorpusIsIngestedWithNothingLostOrDoubledAndEveryDamageWarned()
    {
        var dir = Some.TempDir();
        var evidence = Path.Combine(dir, "evidence");
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus, "var", "log")))
        {
            Directory.CreateDirectory(Path.Combine(evidence, "var", "log"));
            File.Copy(file, Path.Combine(evidence, "var", "log", Path.GetFileName(file)));
        }
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(evidence, "var", "log", "pipe")])) mkfifo.WaitForExit();

        var casePath = Path.Combine(dir, "case.db");
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            using var store = CaseStores.OpenForWrite(casePath);
            return IngestStep.Run(store, [evidence], new IngestOptions());
        });
        Assert.True(await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60))) == task, "ingest of the hostile corpus did not finish in 60 s");
        var report = await task;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));

        using var store = CaseStores.OpenForRead(casePath);
        var events = store.Events().ToList();
        var warnings = store.Warnings().ToList();
        Assert.Equal(events.Count, events.Select(e => (e.Origin.File, e.Origin.Position)).Distinct().Count());

        foreach (var file in Directory.GetFiles(Path.Combine(evidence, "var", "log")).Where(f => !f.EndsWith("pipe", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file);
            var compressed = name.EndsWith(".gz", StringComparison.Ordinal);
            var expected = Lines(compressed ? Zcat(file) : File.ReadAllBytes(file)).Count(HasText);
            var outcome = Assert.Single(report.Files, f => f.Path == file);
            Assert.True(outcome.Status == FileStatus.Ingested, $"{name}: {outcome.Status} ({outcome.Note})");
            Assert.True(expected == outcome.Events, $"{name}: {outcome.Events} events, {expected} lines");
            Assert.Equal(expected, events.Count(e => e.Origin.File == file));
            if (compressed) Assert.Contains(warnings, w => w.File == file && w.Message.Contains("gzip", StringComparison.Ordinal));
        }

        // Every NUL run and NUL byte of auth.log is a warning at its line; every event has its time.
        var auth = Path.Combine(evidence, "var", "log", "auth.log");
        var authLines = Lines(File.ReadAllBytes(auth));
        for (var i = 0; i < authLines.Count; i++)
        {
            var line = authLines[i];
            var leading = line.TakeWhile(b => b == 0).Count();
            if (leading > 0) Assert.Contains(warnings, w => w.File == auth && w.Position == i + 1 && w.Message.Contains($"starts with {leading:N0} NUL bytes", StringComparison.Ordinal));
            if (line.Skip(leading).Contains((byte)0)) Assert.Contains(warnings, w => w.File == auth && w.Position == i + 1 && w.Message.Contains("contains NUL", StringComparison.Ordinal));
        }
        Assert.All(events.Where(e => e.Origin.File == auth), e => Assert.NotNull(e.Ticks));

        var pipe = Assert.Single(report.Files, f => f.Path.EndsWith("pipe", StringComparison.Ordinal));
        Assert.Contains("FIFO", pipe.Note, StringComparison.Ordinal);

        // The rules: three are load errors at once; the catastrophic regex runs bounded and counted.
        clock.Restart();
        var rules = RuleLoader.Load([Path.Combine(Corpus, "rules")]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"loading the hostile rules took {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal(["bounds:condition", "bounds:yaml", "bounds:yaml"], rules.Errors.Select(e => e.Feature).Order(StringComparer.Ordinal));
        Assert.Single(rules.Rules);
        var longNames = events.Count(e => e.Fields.Get("user") is { Length: > 30 } u && u.All(c => c == 'a'));
        var engine = new RuleEngine(rules, DetectionHarness.RepoMappings.Value);
        clock.Restart();
        Assert.Empty(engine.Evaluate(events).ToList());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the hunt took {clock.Elapsed.TotalSeconds:N1} s");
        var timeouts = Math.Min(longNames, rules.Diagnostics.TimeoutsPerPattern);
        Assert.Equal(timeouts, engine.Diagnostics.RegexTimeouts);
        // Switched off after the last timeout: every later evaluation (long names or not) is skipped and counted.
        Assert.Single(engine.Diagnostics.SwitchedOffPatterns);
        Assert.InRange(engine.Diagnostics.RegexSkipped, longNames - timeouts, events.Count);
        Assert.NotEmpty(engine.Diagnostics.Describe());
    }
}
