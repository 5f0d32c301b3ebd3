using Timeline.Core.Ingest;

namespace Timeline.Pipeline;

/// <summary>The whole job: evidence paths and ingest options, the hunt, and the report (null: none).</summary>
public sealed record AnalyzeRequest
{
    public required IReadOnlyList<string> Paths { get; init; }
    public IngestOptions Ingest { get; init; } = new();
    public HuntRequest Hunt { get; init; } = new();
    public ReportRequest? Report { get; init; } = new();
}
