using System.Text.Json;
using Timeline.Core.Ingest;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Pipeline;

/// <summary>The chain-of-custody check on a case built from a folder: match, changed, missing, moved.</summary>
public sealed class VerifyStepTests
{
    private static (string Dir, string Case, string Evidence) CaseFromFolder()
    {
        var dir = Some.TempDir();
        var evidence = Path.Combine(dir, "web01", "var", "log");
        Directory.CreateDirectory(evidence);
        File.WriteAllText(Path.Combine(evidence, "auth.log"), "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n");
        File.WriteAllText(Path.Combine(evidence, "syslog"), "Mar  2 03:16:01 web01 CRON[2]: (root) CMD (/tmp/x)\n");
        File.WriteAllText(Path.Combine(evidence, "README.txt"), "collected by hand\n");
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
            IngestStep.Run(store, [Path.Combine(dir, "web01")], new IngestOptions { Year = 2024 });
        return (dir, casePath, evidence);
    }

    private static VerifyResult Verify(string casePath, params string[] roots)
    {
        using var store = CaseStores.OpenForRead(casePath);
        return VerifyStep.Run(store, new VerifyRequest { EvidenceRoots = roots });
    }

    [Fact]
    public void UntouchedEvidenceAllMatches()
    {
        var (_, casePath, _) = CaseFromFolder();
        var result = Verify(casePath);
        Assert.Equal(3, result.Files.Count);
        Assert.True(result.AllMatch, string.Join("\n", result.Files));
    }

    [Fact]
    public void AChangedFileIsReportedChangedAndADeletedOneMissing()
    {
        var (_, casePath, evidence) = CaseFromFolder();
        File.AppendAllText(Path.Combine(evidence, "auth.log"), "Mar  2 03:17:00 web01 sshd[3]: planted\n");
        File.Delete(Path.Combine(evidence, "syslog"));
        var result = Verify(casePath);
        var changed = Assert.Single(result.Files, f => f.Status == VerifyStatus.Changed);
        Assert.EndsWith("auth.log", changed.RecordedPath);
        Assert.NotEqual(changed.RecordedSha256, changed.ActualSha256);
        Assert.Contains("longer", changed.Note);
        var missing = Assert.Single(result.Files, f => f.Status == VerifyStatus.Missing);
        Assert.EndsWith("syslog", missing.RecordedPath);
        Assert.Single(result.Files, f => f.Status == VerifyStatus.Match);
        Assert.False(result.AllMatch);
    }

    [Fact]
    public void MovedEvidenceIsFoundUnderTheEvidenceGiven()
    {
        var (dir, casePath, _) = CaseFromFolder();
        var moved = Path.Combine(dir, "archive", "web01-copy");
        Directory.CreateDirectory(Path.Combine(dir, "archive"));
        Directory.Move(Path.Combine(dir, "web01"), moved);
        Assert.Equal(3, Verify(casePath).Count(VerifyStatus.Missing));
        var result = Verify(casePath, Path.Combine(dir, "archive"));
        Assert.True(result.AllMatch, string.Join("\n", result.Files));
        Assert.All(result.Files, f => Assert.StartsWith(moved, f.Container));
        // A moved file that was also changed is found by its path under the evidence given.
        File.AppendAllText(Path.Combine(moved, "var", "log", "auth.log"), "more\n");
        var again = Verify(casePath, Path.Combine(dir, "archive"));
        var changed = Assert.Single(again.Files, f => f.Status == VerifyStatus.Changed);
        Assert.Equal(Path.Combine(moved, "var", "log", "auth.log"), changed.Container);
    }

    [Fact]
    public void TheCliPrintsJsonAndExitsNonZeroWhenEvidenceChanged()
    {
        var (dir, casePath, evidence) = CaseFromFolder();
        var ok = CliRunner.Run(dir, "verify", "--case", casePath, "--format", "json");
        Assert.True(ok.ExitCode == 0, ok.Stdout + ok.Stderr);
        Assert.Equal(3, JsonDocument.Parse(ok.Stdout).RootElement.GetProperty("match").GetInt32());
        File.Delete(Path.Combine(evidence, "auth.log"));
        var bad = CliRunner.Run(dir, "verify", "--case", casePath);
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("MISSING", bad.Stdout);
        Assert.Contains("1 missing", bad.Stdout);
        var json = JsonDocument.Parse(CliRunner.Run(dir, "verify", "--case", casePath, "--format", "json").Stdout).RootElement;
        Assert.Equal("missing", json.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("auth.log")).GetProperty("status").GetString());
    }
}
