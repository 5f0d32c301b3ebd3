namespace Timeline.Cli.Output;

/// <summary>CSV cells for the CLI; the rules (RFC 4180, formula injection neutralised) live in <see cref="Report.Csv.CsvText"/>.</summary>
public static class CsvText
{
    public static string Cell(string? value) => Report.Csv.CsvText.Cell(value);

    public static string Row(IEnumerable<string?> cells) => Report.Csv.CsvText.Row(cells);
}
