using System.Text.Json;
using Timeline.Report.Exports;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Report;

public sealed class TimesketchUnplacedTests
{
    [Fact]
    public void AnEntryWithNoTimeAndNoPositionIsExportedAtItsFileMtimeNotDropped()
    {
        var dir = Some.TempDir();
        var log = Path.Combine(dir, "auth.log");
        File.WriteAllText(log,
            "header-less junk before any timed line\n" +
            "2024-03-02T03:15:02.481913+00:00 web01 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2\n" +
            "2024-03-02T03:15:03.000000+00:00 web01 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2\n");
        var mtime = new DateTime(2024, 3, 5, 8, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(log, mtime);
        var casePath = ReportCases.Ingest(log);
        var lines = ReportCases.Render(casePath, "timesketch").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        var junk = Assert.Single(lines, l => l.GetProperty("message").GetString()!.StartsWith("header-less", StringComparison.Ordinal));
        Assert.Equal(TimesketchReportWriter.UnplacedDescription, junk.GetProperty("timestamp_desc").GetString());
        Assert.Equal(new DateTimeOffset(mtime).ToUnixTimeMilliseconds() * 1000, junk.GetProperty("timestamp").GetInt64());
    }
}
