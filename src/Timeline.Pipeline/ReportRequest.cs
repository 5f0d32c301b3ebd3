namespace Timeline.Pipeline;

/// <summary>Which report to write and where (null: <c>report.&lt;ext&gt;</c> beside the case; "-" is for callers that stream).</summary>
public sealed record ReportRequest
{
    public string Format { get; init; } = "html";
    public string? OutPath { get; init; }
    /// <summary>Replace an existing file that is not a previous output of ours (never evidence or the case).</summary>
    public bool Force { get; init; }
    public CancellationToken Cancellation { get; init; }
}
