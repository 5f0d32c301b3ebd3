using Timeline.Core.Findings;
using Timeline.Core.Ingest;

namespace Timeline.Pipeline;

/// <summary>
/// What <see cref="Analyze"/> did, step by step. <see cref="Hunt"/>, <see cref="Chains"/> and
/// <see cref="Report"/> are null when the ingest found nothing usable (the later steps did not run),
/// and <see cref="Report"/> also when no report was asked for.
/// </summary>
public sealed record AnalyzeResult(IngestReport Ingest, HuntResult? Hunt, IReadOnlyList<AttackChain>? Chains, ReportResult? Report)
{
    /// <summary>Whether any evidence file is in the case (ingested now or before).</summary>
    public static bool Usable(IngestReport report) =>
        report.Files.Any(f => f.Status is FileStatus.Ingested or FileStatus.AlreadyIngested);
}
