using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// What a crontab's path says about it (real trees and flattened triage names alike, see
/// <see cref="TriagePath"/>):
/// <code>
/// var/spool/cron/crontabs/root   var-spool-cron-crontabs-root   Debian user table of root
/// var/spool/cron/ubuntu          var_spool_cron_ubuntu           RHEL user table of ubuntu
/// etc/crontabs/root                                              Alpine/busybox user table of root
/// root.crontab                                                   collector short form: user table of root
/// etc/crontab                    etc-crontab                     system table
/// etc/cron.d/zzh                 etc-cron.d-zzh                  system table
/// </code>
/// Anything else is <see cref="CrontabTable.Unknown"/> and the content decides.
/// </summary>
public static partial class CrontabLocation
{
    public static (CrontabTable Table, string? Owner) Of(string path)
    {
        var normalized = TriagePath.Normalize(path);
        if (SpoolTable().Match(normalized) is { Success: true } spool) return (CrontabTable.User, spool.Groups["user"].Value);
        if (SystemTable().IsMatch(normalized)) return (CrontabTable.System, null);
        if (ShortForm().Match(TriagePath.FileName(normalized)) is { Success: true } shortForm && TriagePath.IsUserName(shortForm.Groups["user"].Value))
            return (CrontabTable.User, shortForm.Groups["user"].Value);
        return (CrontabTable.Unknown, null);
    }

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])(?:var" + TriagePath.Separator + "spool" + TriagePath.Separator + "cron" + TriagePath.Separator + "(?:crontabs" + TriagePath.Separator + ")?|etc" + TriagePath.Separator + "crontabs" + TriagePath.Separator + @")(?<user>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpoolTable();

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])etc" + TriagePath.Separator + @"(?:crontab|cron\.d" + TriagePath.Separator + @"[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SystemTable();

    [GeneratedRegex(@"^(?<user>[^/.][^/]*)\.crontab$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();
}
