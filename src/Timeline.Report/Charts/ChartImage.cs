namespace Timeline.Report.Charts;

/// <summary>A chart rendered on the server: an SVG document as a <c>data:</c> URI (shown with <c>&lt;img&gt;</c>, so it can never run script), with the words around it.</summary>
internal sealed record ChartImage(string Id, string Title, string Caption, string DataUri, int Width, int Height);
