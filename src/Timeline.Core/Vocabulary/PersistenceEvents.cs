namespace Timeline.Core.Vocabulary;

/// <summary>
/// The <c>event</c> values of the persistence-file parsers (<c>linux/crontab</c>,
/// <c>linux/authorized-keys</c>, <c>linux/systemd-unit</c>, <c>linux/rc-local</c>, <c>linux/ld-preload</c>);
/// each parser's README lists the line shapes.
/// </summary>
public static class PersistenceEvents
{
    public const string CrontabEntry = "crontab_entry";
    public const string CrontabEnvironment = "cron_env";
    public const string CrontabInvalid = "crontab_invalid";
    public const string AuthorizedKey = "authorized_key";
    public const string AuthorizedKeyInvalid = "authorized_key_invalid";
    public const string SystemdExec = "systemd_exec";
    public const string RcLocalCommand = "rc_local_command";
    public const string LdPreloadEntry = "ld_preload_entry";
}
