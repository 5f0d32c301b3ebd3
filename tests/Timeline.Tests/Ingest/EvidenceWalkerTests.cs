using System.Diagnostics;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>
/// Only regular files are evidence. A FIFO blocks forever in open() until a writer comes; a character
/// device such as /dev/zero never ends. Both are listed with a warning and never opened.
/// </summary>
public sealed class EvidenceWalkerTests
{
    private static void Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static IngestReport IngestWithin(TimeSpan limit, string casePath, params string[] paths)
    {
        var task = Task.Run(() =>
        {
            using var store = CaseStores.OpenForWrite(casePath);
            return IngestStep.Run(store, paths, new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        });
        Assert.True(task.Wait(limit), $"ingest did not finish within {limit.TotalSeconds} s: it opened a special file");
        return task.Result;
    }

    [Fact]
    public void FifosAndDevicesInAFolderAreListedWithAWarningAndNeverOpened()
    {
        var dir = Some.TempDir();
        var evidence = Path.Combine(dir, "ev");
        Directory.CreateDirectory(evidence);
        File.WriteAllText(Path.Combine(evidence, "a.log"), "T:\n1700000000 web01 root a\n");
        Run("mkfifo", Path.Combine(evidence, "pipe"));
        if (IsRoot) Run("mknod", Path.Combine(evidence, "zero"), "c", "1", "5"); // the node /dev/zero is

        var expansion = EvidenceWalker.Expand(evidence);
        Assert.Equal([Path.Combine(evidence, "a.log")], expansion.Files);
        Assert.Contains(expansion.Special, s => s.Path.EndsWith("pipe", StringComparison.Ordinal) && s.Kind == "FIFO (named pipe)");
        if (IsRoot) Assert.Contains(expansion.Special, s => s.Path.EndsWith("zero", StringComparison.Ordinal) && s.Kind == "character device");

        var report = IngestWithin(TimeSpan.FromSeconds(30), Path.Combine(dir, "case.db"), evidence);
        Assert.Equal(1, report.Events);
        var pipe = Assert.Single(report.Files, f => f.Path.EndsWith("pipe", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Unreadable, pipe.Status);
        Assert.Contains("not a regular file", pipe.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeviceGivenDirectlyIsSkippedNotHashedForever()
    {
        var dir = Some.TempDir();
        var report = IngestWithin(TimeSpan.FromSeconds(30), Path.Combine(dir, "case.db"), "/dev/zero");
        var zero = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Unreadable, zero.Status);
        Assert.Contains("character device", zero.Note, StringComparison.Ordinal);
    }
}
