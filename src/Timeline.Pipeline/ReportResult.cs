namespace Timeline.Pipeline;

/// <summary>A report written: its format, full path, size and how long it took.</summary>
public sealed record ReportResult(string Format, string Path, long Bytes, TimeSpan Elapsed);
