using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Detection.Sigma;
using Timeline.Pipeline;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline rules lint DIR...</c>: load rules and name every file that fails, with line and reason.</summary>
[Description("Load Sigma rules and report which load, which fail (file, line, reason) and which features are unsupported.")]
public sealed class RulesLintCommand(IAnsiConsole console) : Command<RulesLintCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Rule files or folders (recursively: .yml/.yaml).")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (Format is not ("table" or "json")) return ValidationResult.Error($"--format must be table or json, not '{Format}'.");
            foreach (var p in Paths)
                if (!Directory.Exists(p) && !File.Exists(p)) return ValidationResult.Error($"'{p}' does not exist.");
            return Paths.Length == 0 ? ValidationResult.Error("Give at least one rule folder.") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var rules = RulesLintStep.Run(settings.Paths);
        if (settings.Format == "json") WriteJson(rules);
        else WriteTable(rules);
        return rules.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.DoneWithWarnings;
    }

    private static void WriteJson(RuleSet rules)
    {
        using var stdout = StandardOutput.Open();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("files", rules.FilesTotal);
        json.WriteNumber("loaded", rules.FilesLoaded);
        json.WriteNumber("rules", rules.Rules.Count);
        json.WriteNumber("correlations", rules.Correlations.Count);
        json.WriteStartArray("failed");
        foreach (var e in rules.Errors)
        {
            json.WriteStartObject();
            json.WriteString("path", e.Path);
            json.WriteNumber("line", e.Line);
            json.WriteString("error", e.Reason);
            json.WriteString("feature", e.Feature);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("unsupported");
        foreach (var (feature, n) in rules.UnsupportedByFeature.OrderBy(kv => kv.Key, StringComparer.Ordinal)) json.WriteNumber(feature, n);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stdout.WriteByte((byte)'\n');
    }

    private void WriteTable(RuleSet rules)
    {
        console.MarkupLine($"{rules.FilesLoaded:N0} of {rules.FilesTotal:N0} rule files load ({rules.LoadRatio:P2}): {rules.Rules.Count:N0} rules, {rules.Correlations.Count:N0} correlations.");
        if (rules.Errors.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("Rules that did not load").AddColumn("file").AddColumn(new TableColumn("line").RightAligned()).AddColumn("reason").AddColumn("feature");
        foreach (var e in rules.Errors) table.AddRow(new Text(TerminalText.Safe(e.Path)), new Text(e.Line.ToString()), new Text(TerminalText.Safe(e.Reason)), new Text(e.Feature));
        console.Write(table);
    }
}
