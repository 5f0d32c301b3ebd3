namespace Timeline.Core.Events;

/// <summary>
/// A problem in the evidence (bad line, invalid UTF-8, truncated archive, unknown format). Problems
/// are values: they are counted and stored with their position, never thrown.
/// </summary>
/// <param name="Origin">File and position of the problem (position 0 = the file as a whole).</param>
/// <param name="Message">What is wrong, for a human.</param>
/// <param name="Excerpt">A short, raw excerpt of the offending input (may be empty). Render escaped.</param>
public sealed record ParseWarning(Origin Origin, string Message, string Excerpt = "");
