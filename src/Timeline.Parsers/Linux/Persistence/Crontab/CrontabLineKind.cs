namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>What one crontab line is.</summary>
public enum CrontabLineKind
{
    /// <summary>A blank line or a <c># comment</c>: not an event.</summary>
    Ignorable = 0,
    /// <summary>A scheduled job.</summary>
    Entry = 1,
    /// <summary>An environment setting such as <c>MAILTO=""</c>.</summary>
    Environment = 2,
    /// <summary>Anything cron would reject (a bad field, a missing command, dump garbage).</summary>
    Invalid = 3,
}
