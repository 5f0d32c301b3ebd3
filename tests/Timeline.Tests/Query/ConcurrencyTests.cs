using Timeline.Core.Store;
using Timeline.Tests.Support;
using Timeline.Tests.Web;
using Timeline.Pipeline;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>Reading never races a writer: a query during an ingest fails clearly, and serving keeps ingests out.</summary>
public sealed class ConcurrencyTests
{
    private static string CopyOfScenario()
    {
        var casePath = Path.Combine(Some.TempDir(), "busy.db");
        File.Copy(ScenarioCase.Path, casePath);
        return casePath;
    }

    [Fact]
    public void AQueryWhileAnotherProcessWritesFailsWithExitCodeTwoAndSaysWhy()
    {
        var casePath = CopyOfScenario();
        // The write lock an ingest holds; the query runs in a separate process.
        using (Timeline.Store.LiteDb.CaseLock.ForWriting(Path.GetFullPath(casePath)))
        {
            Assert.Throws<CaseBusyException>(() => CaseStores.OpenForRead(casePath));
            var r = CliRunner.Run(Path.GetDirectoryName(casePath)!, "query", "--case", casePath, "event:ssh_accepted");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("being written by another timeline process", r.Stderr);
            Assert.Equal("", r.Stdout.Trim());
        }
        var after = CliRunner.Run(Path.GetDirectoryName(casePath)!, "query", "--case", casePath, "event:ssh_accepted", "--format", "jsonl");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(3, after.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void WhileTheCaseIsServedNoIngestCanOpenItForWriting()
    {
        var casePath = CopyOfScenario();
        using (new ServedCase(casePath))
        {
            Assert.Throws<CaseBusyException>(() => CaseStores.OpenForWrite(casePath));
            using var second = CaseStores.OpenForRead(casePath);
            Assert.False(second.Writable);
        }
        using var writable = CaseStores.OpenForWrite(casePath);
        Assert.True(writable.Writable);
    }
}
