namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>Which kind of crontab a file is; it decides whether entries carry a user column.</summary>
public enum CrontabTable
{
    /// <summary>Not known from the path; decided from the first entry.</summary>
    Unknown = 0,
    /// <summary>A per-user spool table (<c>crontab -e</c>): <c>m h dom mon dow command</c>.</summary>
    User = 1,
    /// <summary><c>/etc/crontab</c> or <c>/etc/cron.d/*</c>: <c>m h dom mon dow user command</c>.</summary>
    System = 2,
}
