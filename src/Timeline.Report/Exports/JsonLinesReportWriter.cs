using System.Text.Json;
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

    public void Write(ICaseStore store, Stream output, ReportOptions options)
    {
        var notes = new EventFindings(store);
        EventLines.Write(notes.Join(store.Events()), output, options.Cancellation, (json, e) =>
        {
            if (notes.IsEmpty) EventJson.Write(json, e);
            else
            {
                var id = e.Id;
                EventJson.Write(json, e, notes.RulesOf(id), notes.PhaseNameOf(id));
            }
            return true;
        });
    }
}
