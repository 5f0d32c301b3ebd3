namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// One crontab line, read. For <see cref="CrontabLineKind.Environment"/> lines <see cref="Schedule"/>
/// holds the variable name and <see cref="Command"/> its value. <see cref="Problem"/> is set for
/// <see cref="CrontabLineKind.Invalid"/> lines (and then the other parts hold what could be read).
/// </summary>
public sealed record CrontabLine(
    CrontabLineKind Kind,
    string? Schedule = null,
    string? User = null,
    string? Command = null,
    bool DontLog = false,
    string? Problem = null)
{
    public static readonly CrontabLine Ignorable = new(CrontabLineKind.Ignorable);

    public static CrontabLine Invalid(string problem, string? schedule = null, string? command = null) =>
        new(CrontabLineKind.Invalid, schedule, null, command, false, problem);
}
