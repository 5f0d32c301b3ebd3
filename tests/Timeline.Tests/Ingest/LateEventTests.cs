using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>
/// Issue 15 item 3: no event is placed after its file's last write, or after this machine's clock, without a
/// warning — whatever the parser and however the time was known.
/// </summary>
public sealed class LateEventTests
{
    private static List<StoredWarning> IngestWarnings(string path, DateTimeOffset now)
    {
        var casePath = Path.Combine(Path.GetDirectoryName(path)!, "case.db");
        using var store = CaseStores.OpenForWrite(casePath);
        var report = IngestStep.Run(store, [path], new IngestOptions { Clock = new FixedClock(now) });
        Assert.Equal(3, report.Events);
        return store.Warnings().ToList();
    }

    private static string Write(string text, DateTime mtimeUtc)
    {
        var path = Path.Combine(Some.TempDir(), "auth.log");
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, mtimeUtc);
        return path;
    }

    private const string Lines =
        "2024-03-02T03:00:00.000000+00:00 web01 sshd[1]: Failed password for root from 192.0.2.1 port 1 ssh2\n" +
        "2024-03-02T05:00:00.000000+00:00 web01 sshd[2]: Failed password for root from 192.0.2.1 port 2 ssh2\n" +
        "2024-03-04T03:00:00.000000+00:00 web01 sshd[3]: Failed password for root from 192.0.2.1 port 3 ssh2\n";

    [Fact]
    public void EventsAfterTheFilesLastWriteAreCountedInOneWarning()
    {
        var warnings = IngestWarnings(Write(Lines, new DateTime(2024, 3, 2, 4, 0, 0, DateTimeKind.Utc)), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = Assert.Single(warnings, w => w.Message.Contains("after the file was last written", StringComparison.Ordinal));
        Assert.StartsWith("2 event(s)", late.Message);
        Assert.Contains("2024-03-02T04:00:00Z", late.Message);
        Assert.Contains("by 47 hours", late.Message);
        Assert.Equal(2, late.Position);
        Assert.DoesNotContain(warnings, w => w.Message.Contains("future", StringComparison.Ordinal));
    }

    [Fact]
    public void EventsInTheFutureAreWarnedAsSuch()
    {
        var warnings = IngestWarnings(Write(Lines, new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc)), new DateTimeOffset(2024, 3, 2, 4, 0, 0, TimeSpan.Zero));
        var future = Assert.Single(warnings, w => w.Message.Contains("in the future", StringComparison.Ordinal));
        Assert.StartsWith("2 event(s)", future.Message);
        Assert.DoesNotContain(warnings, w => w.Message.Contains("after the file was last written", StringComparison.Ordinal));
    }

    [Fact]
    public void EventsAtOrBeforeTheMtimeGiveNoWarning()
    {
        var warnings = IngestWarnings(Write(Lines, new DateTime(2024, 3, 4, 3, 0, 1, DateTimeKind.Utc)), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(warnings);
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
