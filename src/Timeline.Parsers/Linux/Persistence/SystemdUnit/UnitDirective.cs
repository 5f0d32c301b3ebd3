namespace Timeline.Parsers.Linux.Persistence.SystemdUnit;

/// <summary>
/// One <c>Key=Value</c> assignment of a unit file, in its section, at the line where it starts.
/// <see cref="Text"/> is the logical line (continuations joined) as systemd reads it.
/// </summary>
public sealed record UnitDirective(long Line, string Section, string Key, string Value, string Text);
