namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// One command read from a history file. <see cref="Line"/> is the line number of its first text
/// line (not of its timestamp line); <see cref="Ticks"/> is null when the file gave it no stamp.
/// Multi-line commands are joined with <c>\n</c>. <see cref="Elapsed"/> is zsh's duration in seconds.
/// </summary>
public sealed record HistoryCommand(long Line, string Text, long? Ticks, string? Elapsed = null);
