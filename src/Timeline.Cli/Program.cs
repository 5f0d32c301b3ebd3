using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Commands;
using Timeline.Cli.Infrastructure;
using Timeline.Core.Store;

// Tables in pipes and CI logs would otherwise wrap at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("timeline");
    config.AddExample("analyze", "sample-logs/scenarios/ssh-bruteforce-cron-xmrig");
    config.AddCommand<AnalyzeCommand>("analyze")
        .WithExample("analyze", "/evidence/web01", "--case", "web01.timeline.db", "--timezone", "Europe/Berlin");
    config.AddCommand<IngestCommand>("ingest")
        .WithExample("ingest", "/evidence/web01/var/log", "--case", "web01.timeline.db");
    config.AddCommand<StatsCommand>("stats")
        .WithExample("stats", "--case", "web01.timeline.db", "--format", "json");
    config.AddCommand<QueryCommand>("query")
        .WithExample("query", "--case", "web01.timeline.db", "--from", "2024-03-02T03:00", "--to", "2024-03-02T04:00");
    config.AddCommand<ServeCommand>("serve")
        .WithExample("serve", "--case", "web01.timeline.db", "--port", "8470");
    config.AddCommand<ChainCommand>("chain")
        .WithExample("chain", "--case", "web01.timeline.db", "--format", "markdown");
    config.AddCommand<ReportCommand>("report")
        .WithExample("report", "--case", "web01.timeline.db", "--out", "web01.html");
    config.AddCommand<VerifyCommand>("verify")
        .WithExample("verify", "--case", "web01.timeline.db", "--evidence", "/mnt/evidence/web01");
    config.AddCommand<HuntCommand>("hunt")
        .WithExample("hunt", "--case", "web01.timeline.db", "--rules", "../sigma/rules");
    config.AddBranch("rules", rules =>
    {
        rules.SetDescription("Work with Sigma rule files.");
        rules.AddCommand<RulesLintCommand>("lint").WithExample("rules", "lint", "../sigma/rules", "--format", "json");
    });
    config.SetExceptionHandler((ex, _) => ErrorReport.Handle(ex));
});
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await app.RunAsync(args, cancel.Token);
