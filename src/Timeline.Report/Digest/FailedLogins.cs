using Timeline.Core.Vocabulary;
using Timeline.Core.Events;

namespace Timeline.Report.Digest;

/// <summary>
/// Which events are failed logins, and from where: sshd's <c>Failed password/publickey</c> lines
/// (<c>event=ssh_failed</c>; the preceding <c>Invalid user</c> line is the same attempt and is not
/// counted twice) and Windows logon failures (Security 4625, <c>IpAddress</c>).
/// </summary>
internal static class FailedLogins
{
    public static string? SourceOf(EventRecord e)
    {
        var fields = e.Fields;
        if (fields.Get(FieldNames.Event) == AuthEvents.SshFailed) return fields.Get(FieldNames.SrcIp) ?? "(unknown)";
        if (fields.Get(WindowsFieldNames.EventId) == "4625") return fields.Get(WindowsFieldNames.IpAddress) is { Length: > 0 } ip && ip != "-" ? ip : "(unknown)";
        return null;
    }
}
