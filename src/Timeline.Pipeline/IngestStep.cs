using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Parsers;

namespace Timeline.Pipeline;

/// <summary>Step 1: evidence files and folders into the case, with every parser of the catalog.</summary>
public static class IngestStep
{
    public static IngestReport Run(ICaseStore store, IReadOnlyList<string> paths, IngestOptions options) =>
        Run(store, paths, options, ParserCatalog.Detector());

    /// <summary>The same with another set of parsers (a test parser, a restricted catalog).</summary>
    public static IngestReport Run(ICaseStore store, IReadOnlyList<string> paths, IngestOptions options, FormatDetector detector) =>
        new IngestPipeline(detector, options).Run(store, paths);
}
