using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Report.Exports;

/// <summary>
/// Every event as one line of the public event JSON (<see cref="EventJson"/>, the contract of
/// <c>query --format jsonl</c>), with <c>rules</c> from the hunt and <c>phase</c> from the chains.
/// </summary>
public sealed class JsonLinesReportWriter : IReportWriter
{
    public string Format => "jsonl";
    public string Extension => "jsonl";
    public string Description => "every event as one JSON object per line (the query contract), with rules and phase";

    public void Write(ICaseStore store, Stream output, ReportOptions options) => EventRows.Write(store, output, new JsonLinesRows(), options);
}
