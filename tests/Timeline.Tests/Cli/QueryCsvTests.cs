using System.Text;
using Timeline.Report.Exports;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary>
/// <c>query --format csv</c> and the report's CSV export (<see cref="CsvReportWriter"/>) write the same
/// cells for the same event, checked end to end on evidence an attacker wrote: a host that is a
/// spreadsheet formula, a user name with a comma and quotes.
/// </summary>
public sealed class QueryCsvTests
{
    private const string FormulaHost = "=HYPERLINK(\"http://x\")";

    [Fact]
    public void QueryCsvRowsEqualTheReportCsvRowsOnAHostileEvent()
    {
        var dir = Some.TempDir();
        var log = Path.Combine(dir, "evidence", "auth.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log,
            $"2024-03-02T03:15:02.000000+00:00 {FormulaHost} sshd[2311]: Invalid user a,\"b\" from 203.0.113.9 port 40112\n" +
            "2024-03-02T03:15:03.000000+00:00 web01 sshd[2311]: Failed password for invalid user @SUM(1) from 203.0.113.9 port 40112 ssh2\n");
        var casePath = Path.Combine(dir, "c.db");
        var ingest = CliRunner.Run(dir, "ingest", log, "--case", casePath);
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);

        var query = CliRunner.Run(dir, "query", "--case", casePath, "--format", "csv");
        Assert.True(query.ExitCode == 0, query.Stderr);
        var report = Path.Combine(dir, "events.csv");
        var written = CliRunner.Run(dir, "report", "--case", casePath, "--format", "csv", "--out", report);
        Assert.True(written.ExitCode == 0, written.Stdout + written.Stderr);

        var fromQuery = CsvRecords.Parse(query.Stdout);
        var fromReport = CsvRecords.Parse(File.ReadAllText(report, Encoding.UTF8));
        Assert.Equal(3, fromQuery.Count);   // header + two events
        Assert.Equal(fromQuery.Count, fromReport.Count);
        var header = fromQuery[0];
        Assert.Equal(CsvReportWriter.Columns.Where(header.Contains), header);
        var columns = header.Select(h => CsvReportWriter.Columns.ToList().IndexOf(h)).ToList();
        for (var row = 1; row < fromQuery.Count; row++)
            Assert.Equal(columns.Select(c => fromReport[row][c]), fromQuery[row]);

        // Neither writer lets the host run as a formula; both quote it the same way.
        var quoted = "\"'" + FormulaHost.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.Contains("," + quoted + ",", query.Stdout, StringComparison.Ordinal);
        Assert.Contains("," + quoted + ",", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Contains(fromQuery.Skip(1), r => r[header.IndexOf("host")] == "'" + FormulaHost);
    }
}
