using System.Diagnostics;
using Timeline.Core.Ingest;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Pipeline;

/// <summary>Issue 11 items 6 and 9: outputs never replace evidence, the case or a foreign file; killed writes leave no partials forever.</summary>
public sealed class ReportOutputSafetyTests
{
    private static (string Dir, string Case, string Evidence) SmallCase()
    {
        var dir = Some.TempDir();
        var evidence = Path.Combine(dir, "ev", "auth.log");
        Directory.CreateDirectory(Path.GetDirectoryName(evidence)!);
        File.WriteAllText(evidence, "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n");
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath)) IngestStep.Run(store, [Path.Combine(dir, "ev")], new IngestOptions { Year = 2024 });
        return (dir, casePath, evidence);
    }

    private static ReportResult Write(string casePath, string outPath, string format = "csv", bool force = false)
    {
        using var store = CaseStores.OpenForRead(casePath);
        return ReportStep.Write(store, new ReportRequest { Format = format, OutPath = outPath, Force = force });
    }

    [Fact]
    public void EvidenceTheCaseAndCopiesOfEvidenceAreNeverOverwrittenEvenWithForce()
    {
        var (dir, casePath, evidence) = SmallCase();
        var before = File.ReadAllBytes(evidence);
        var copy = Path.Combine(dir, "copy-of-auth.log");
        File.Copy(evidence, copy);
        foreach (var force in new[] { false, true })
        {
            Assert.Contains("evidence", Assert.Throws<OutputRefusedException>(() => Write(casePath, evidence, force: force)).Message);
            Assert.Contains("the case itself", Assert.Throws<OutputRefusedException>(() => Write(casePath, casePath, force: force)).Message);
            Assert.Contains("same bytes as evidence", Assert.Throws<OutputRefusedException>(() => Write(casePath, copy, force: force)).Message);
        }
        Assert.Equal(before, File.ReadAllBytes(evidence));
        Assert.Equal(before, File.ReadAllBytes(copy));
        using var store = CaseStores.OpenForRead(casePath);
        Assert.Single(store.Files());
    }

    [Fact]
    public void AForeignFileNeedsForceAndAPreviousOutputIsReplaced()
    {
        var (dir, casePath, _) = SmallCase();
        var notes = Path.Combine(dir, "notes.txt");
        File.WriteAllText(notes, "my case notes\n");
        var refused = Assert.Throws<OutputRefusedException>(() => Write(casePath, notes));
        Assert.Contains("--force", refused.Message);
        Assert.Equal("my case notes\n", File.ReadAllText(notes));
        Write(casePath, notes, force: true);
        Assert.StartsWith("id,time,", File.ReadAllText(notes));
        foreach (var format in new[] { "csv", "jsonl", "timesketch", "html" })
        {
            var output = Path.Combine(dir, "out." + format);
            Write(casePath, output, format);
            var first = File.GetLastWriteTimeUtc(output);
            Write(casePath, output, format); // a previous output of ours: replaced without --force
            Assert.True(File.GetLastWriteTimeUtc(output) >= first);
        }
    }

    [Fact]
    public void PartialsOfKilledWritesAreRemovedByTheNextWrite()
    {
        var (dir, casePath, _) = SmallCase();
        int deadPid;
        using (var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            deadPid = p.Id;
        }
        var stale = Path.Combine(dir, "report.csv" + PartialOutputs.Infix + deadPid);
        File.WriteAllText(stale, "id,time,timeQuality,host,parser,message,fields,rules,phase,file,sha256,position\nhalf a row");
        var foreign = Path.Combine(dir, "thesis.tex" + PartialOutputs.Infix + deadPid);
        File.WriteAllText(foreign, "\\documentclass{article}");
        var live = Path.Combine(dir, "other.csv" + PartialOutputs.Infix + Environment.ProcessId);
        File.WriteAllText(live, "");
        Write(casePath, Path.Combine(dir, "report.csv"));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(foreign), "a file that is not an output of ours is never removed");
        Assert.True(File.Exists(live), "the partial of a running process is kept");
        Assert.Empty(Directory.GetFiles(dir, "report.csv.partial-*"));
    }

    [Fact]
    public void AnAnalyzeWhoseReportPathIsTheCaseIsRefusedBeforeIngesting()
    {
        var (dir, _, _) = SmallCase();
        var casePath = Path.Combine(dir, "second.db");
        using var store = CaseStores.OpenForWrite(casePath);
        Assert.Throws<OutputRefusedException>(() => Analyze.Run(store, new AnalyzeRequest
        {
            Paths = [Path.Combine(dir, "ev")],
            Report = new ReportRequest { OutPath = casePath },
        }));
        Assert.Empty(store.Files());
    }
}
