using System.Text;

namespace Timeline.Core.Output;

/// <summary>
/// RFC 4180 cells that spreadsheets cannot execute: a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or CR is prefixed with an apostrophe (OWASP's CSV-injection advice), and
/// every cell with a comma, quote or line break is quoted with doubled quotes. Rows end with CRLF
/// (the caller's writer sets <c>NewLine</c>).
/// </summary>
public static class CsvText
{
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Row(IEnumerable<string?> cells)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var c in cells)
        {
            if (!first) sb.Append(',');
            sb.Append(Cell(c));
            first = false;
        }
        return sb.ToString();
    }
}
