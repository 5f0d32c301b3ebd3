using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Timeline.Core.Output;
using Timeline.Query.Execution;

namespace Timeline.Cli.Output;

/// <summary>
/// <c>query --count-by FIELD</c> rows (value, count, first and last seen) in the format asked for:
/// a JSON object per line, CSV with a header, or a terminal table. Times are <see cref="TimeText"/>.
/// </summary>
public static class ValueCountOutput
{
    public static void Write(IAnsiConsole console, string format, string field, IReadOnlyList<ValueCount> rows, int total)
    {
        switch (format)
        {
            case "jsonl":
            {
                using var stdout = StandardOutput.Open();
                foreach (var r in rows)
                {
                    var line = JsonSerializer.Serialize(new { value = r.Value, count = r.Count, first = TimeText.Format(r.FirstTicks), last = TimeText.Format(r.LastTicks) }, EventJson.SerializerOptions);
                    stdout.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
                }
                break;
            }
            case "csv":
            {
                using var stdout = new StreamWriter(StandardOutput.Open(), new System.Text.UTF8Encoding(false)) { NewLine = "\r\n" };
                stdout.WriteLine(CsvText.Row([field, "count", "first", "last"]));
                foreach (var r in rows) stdout.WriteLine(CsvText.Row([r.Value, r.Count.ToString(CultureInfo.InvariantCulture), TimeText.Format(r.FirstTicks), TimeText.Format(r.LastTicks)]));
                break;
            }
            default:
            {
                if (rows.Count == 0)
                {
                    console.MarkupLine($"No matching event has a value for {Markup.Escape(field)}.");
                    break;
                }
                var table = new Table().Border(TableBorder.Simple).AddColumn(Markup.Escape(field)).AddColumn(new TableColumn("count").RightAligned()).AddColumn("first seen (UTC)").AddColumn("last seen (UTC)");
                foreach (var r in rows)
                    table.AddRow(new Text(TerminalText.Cut(r.Value, 80)), new Text(r.Count.ToString("N0", CultureInfo.InvariantCulture)), new Text(r.FirstTicks is { } a ? TimeText.Short(a) : "-"), new Text(r.LastTicks is { } b ? TimeText.Short(b) : "-"));
                console.Write(table);
                if (total > rows.Count) console.MarkupLine($"{rows.Count} of {total:N0} values shown; --top N for more.");
                break;
            }
        }
    }
}
