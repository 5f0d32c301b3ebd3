using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Report.Exports;

/// <summary>Every event of a case, in timeline order with its findings, through one row format (the exports).</summary>
internal static class EventRows
{
    public static void Write(ICaseStore store, Stream output, IEventRowFormat format, ReportOptions options)
    {
        var findings = new EventFindings(store);
        using var rows = format.Open(output, EventRow.Default);
        foreach (var e in findings.Join(store.Events()))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            rows.Write(e, findings);
        }
    }
}
