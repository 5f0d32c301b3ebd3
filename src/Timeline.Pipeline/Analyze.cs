using Timeline.Core.Store;

namespace Timeline.Pipeline;

/// <summary>
/// The whole job as a composition of the steps — ingest, hunt, chain, report — over one open case.
/// The CLI's <c>analyze</c>, the tests and any other caller run exactly this.
/// </summary>
public static class Analyze
{
    public static AnalyzeResult Run(ICaseStore store, AnalyzeRequest request)
    {
        // Refuse a bad report path before the long work (checked again when the report is written).
        if (request.Report is { } first) OutputGuard.Check(store, first.OutPath ?? ReportStep.DefaultPath(store.Location, first.Format), first.Force);
        var ingest = IngestStep.Run(store, request.Paths, request.Ingest);
        if (!AnalyzeResult.Usable(ingest)) return new AnalyzeResult(ingest, null, null, null);
        var hunt = HuntStep.Run(store, request.Hunt);
        var chains = ChainStep.BuildAndStore(store);
        var report = request.Report is { } r ? ReportStep.Write(store, r) : null;
        return new AnalyzeResult(ingest, hunt, chains, report);
    }
}
