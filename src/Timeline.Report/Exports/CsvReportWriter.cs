using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Report.Exports;

/// <summary>
/// Every event as one CSV row: the shared <see cref="EventRow"/> columns written by the
/// <see cref="CsvRows"/> format — the same rows as <c>query --format csv</c>.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public static IReadOnlyList<string> Columns => EventRow.Columns;

    public string Format => "csv";
    public string Extension => "csv";
    public string Description => "every event as a CSV row (RFC 4180, safe to open in a spreadsheet), with rules and phase";

    public void Write(ICaseStore store, Stream output, ReportOptions options) => EventRows.Write(store, output, new CsvRows(), options);
}
