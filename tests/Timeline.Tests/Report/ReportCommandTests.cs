using Timeline.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Commands;
using Xunit;

namespace Timeline.Tests.Report;

/// <summary><c>timeline report</c> as registered by Program.cs (<c>AddCommand&lt;ReportCommand&gt;("report")</c>), run in-process.</summary>
public sealed class ReportCommandTests
{
    private static int Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.AddCommand<ReportCommand>("report");
            c.Settings.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        });
        return app.Run(args);
    }

    [Fact]
    public void ReportWithoutOutWritesReportHtmlBesideTheCase()
    {
        var casePath = ReportCases.Ingest(ReportCases.Scenario("ssh-bruteforce-cron-xmrig"));
        Assert.Equal(0, Run("report", "--case", casePath));
        var html = Path.Combine(Path.GetDirectoryName(casePath)!, "report.html");
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(casePath)!, "*.partial-*"));
    }

    [Theory]
    [InlineData("csv", "id,time,timeQuality")]
    [InlineData("jsonl", "{\"id\":")]
    [InlineData("timesketch", "{\"message\":")]
    public void ReportWritesEachExportFormat(string format, string start)
    {
        var casePath = ReportCases.Ingest(ReportCases.Scenario("ssh-bruteforce-cron-xmrig"));
        var output = Path.Combine(Path.GetDirectoryName(casePath)!, "out", "export." + format);
        Assert.Equal(0, Run("report", "--case", casePath, "--format", format, "--out", output));
        Assert.StartsWith(start, File.ReadAllText(output));
    }

    [Fact]
    public void AnUnknownFormatIsRejectedWithTheKnownOnes()
    {
        var casePath = ReportCases.Ingest(ReportCases.Scenario("ssh-bruteforce-cron-xmrig"));
        Assert.NotEqual(0, Run("report", "--case", casePath, "--format", "pdf"));
    }

    [Fact]
    public void DefaultPathFollowsTheFormatsExtension() =>
        Assert.Equal(Path.Combine(Path.GetFullPath("/cases"), "report.jsonl"), ReportStep.DefaultPath("/cases/web01.timeline.db", "timesketch"));
}
