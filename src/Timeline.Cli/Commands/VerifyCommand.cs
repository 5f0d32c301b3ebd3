using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline verify --case FILE [--evidence PATH...] [--format table|json]</c>: the chain-of-custody
/// check (the pipeline's <see cref="VerifyStep"/>). Exit 0 when every recorded evidence file matches,
/// <see cref="ExitCodes.EvidenceChanged"/> when any changed or is missing.
/// </summary>
[Description("Re-hash every evidence file recorded in a case and report which still match their SHA-256, which changed and which are missing.")]
public sealed class VerifyCommand(IAnsiConsole console) : Command<VerifyCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("-e|--evidence <PATH>")]
        [Description("Where moved or copied evidence is now (repeatable): files under it are matched by SHA-256, else by their last folders and name.")]
        public string[] Evidence { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate() =>
            Format is "table" or "json" ? base.Validate() : ValidationResult.Error($"--format must be table or json, not '{Format}'.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var store = CaseStores.OpenForRead(settings.Case!);
        var result = VerifyStep.Run(store, new VerifyRequest { EvidenceRoots = settings.Evidence, Cancellation = cancellation });
        if (settings.Format == "json") WriteJson(store.Location, result);
        else WriteTable(store.Location, result);
        return result.AllMatch ? ExitCodes.Ok : ExitCodes.EvidenceChanged;
    }

    private static void WriteJson(string casePath, VerifyResult result)
    {
        using var stdout = StandardOutput.Open();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("case", casePath);
            json.WriteNumber("match", result.Count(VerifyStatus.Match));
            json.WriteNumber("changed", result.Count(VerifyStatus.Changed));
            json.WriteNumber("missing", result.Count(VerifyStatus.Missing));
            json.WriteStartArray("files");
            foreach (var f in result.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", f.RecordedPath);
                json.WriteString("member", f.Member);
                json.WriteString("sha256", f.RecordedSha256);
                json.WriteNumber("size", f.RecordedSize);
                json.WriteString("status", Name(f.Status));
                json.WriteString("foundAt", f.Container);
                json.WriteString("actualSha256", f.ActualSha256);
                json.WriteString("note", f.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    private void WriteTable(string casePath, VerifyResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Evidence files (chain of custody)")
            .AddColumn("status").AddColumn("file").AddColumn("sha256 recorded").AddColumn("found at").AddColumn("note");
        foreach (var f in result.Files)
        {
            var status = f.Status switch
            {
                VerifyStatus.Match => new Text("match", new Style(Color.Green)),
                VerifyStatus.Changed => new Text("CHANGED", new Style(Color.Red, decoration: Decoration.Bold)),
                _ => new Text("MISSING", new Style(Color.Red, decoration: Decoration.Bold)),
            };
            table.AddRow(status, new Text(TerminalText.Safe(f.RecordedPath)), new Text(f.RecordedSha256),
                new Text(TerminalText.Safe(f.Container ?? "-")), new Text(TerminalText.Safe(f.Note)));
        }
        console.Write(table);
        console.MarkupLine($"[bold]{Markup.Escape(TerminalText.Safe(casePath))}[/]: {result.Count(VerifyStatus.Match):N0} match, {result.Count(VerifyStatus.Changed):N0} changed, {result.Count(VerifyStatus.Missing):N0} missing ({result.Elapsed.TotalSeconds:N1} s).");
    }

    private static string Name(VerifyStatus status) => status switch
    {
        VerifyStatus.Match => "match",
        VerifyStatus.Changed => "changed",
        _ => "missing",
    };
}
