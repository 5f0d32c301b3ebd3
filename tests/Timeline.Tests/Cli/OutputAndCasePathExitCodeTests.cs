using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary>Issue 11 items 6 and 9 as a user meets them: a clear message and the documented exit code.</summary>
public sealed class OutputAndCasePathExitCodeTests
{
    private static string Scenario => Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig");

    [Fact]
    public void ReportOverEvidenceOrAForeignFileExitsSixAndForceOnlyUnlocksTheForeignFile()
    {
        var dir = Some.TempDir();
        var evidence = Path.Combine(dir, "ev");
        Directory.CreateDirectory(evidence);
        File.Copy(Path.Combine(Scenario, "var", "log", "auth.log"), Path.Combine(evidence, "auth.log"));
        var casePath = Path.Combine(dir, "c.db");
        Assert.Equal(0, CliRunner.Run(dir, "ingest", evidence, "--case", casePath).ExitCode);
        var before = File.ReadAllBytes(Path.Combine(evidence, "auth.log"));
        var overEvidence = CliRunner.Run(dir, "report", "--case", casePath, "--out", Path.Combine(evidence, "auth.log"), "--force");
        Assert.Equal(6, overEvidence.ExitCode);
        Assert.Contains("evidence", overEvidence.Stderr);
        Assert.DoesNotContain("Unexpected", overEvidence.Stderr);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(evidence, "auth.log")));
        Assert.Equal(6, CliRunner.Run(dir, "report", "--case", casePath, "--out", casePath).ExitCode);
        Assert.Equal(0, CliRunner.Run(dir, "stats", "--case", casePath).ExitCode);
        File.WriteAllText(Path.Combine(dir, "mine.html"), "<p>mine</p>");
        Assert.Equal(6, CliRunner.Run(dir, "report", "--case", casePath, "--out", Path.Combine(dir, "mine.html")).ExitCode);
        Assert.Equal(0, CliRunner.Run(dir, "report", "--case", casePath, "--out", Path.Combine(dir, "mine.html"), "--force").ExitCode);
    }

    [Fact]
    public void ACaseNamedThroughASymbolicLinkIsRefusedWithTheFileToUse()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "real.db");
        Assert.Equal(0, CliRunner.Run(dir, "ingest", Scenario, "--case", casePath).ExitCode);
        var link = Path.Combine(dir, "link.db");
        File.CreateSymbolicLink(link, casePath);
        foreach (var args in new[] { new[] { "stats", "--case", link }, new[] { "ingest", Scenario, "--case", link } })
        {
            var r = CliRunner.Run(dir, args);
            Assert.Equal(7, r.ExitCode);
            Assert.Contains("symbolic link", r.Stderr);
            Assert.Contains(casePath, r.Stderr);
            Assert.DoesNotContain("Unexpected", r.Stderr);
        }
    }
}
