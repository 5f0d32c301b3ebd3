namespace Timeline.Parsers.Linux.Syslog;

/// <summary>Which syslog header a line carries.</summary>
public enum EnvelopeKind : byte
{
    /// <summary>No valid syslog header.</summary>
    None = 0,
    /// <summary>BSD / RFC 3164: <c>Mar  2 03:15:02 web01 sshd[2211]: …</c> (no year, no zone).</summary>
    Traditional = 1,
    /// <summary>rsyslog high precision: <c>2024-03-02T03:15:02.481913+00:00 web01 sshd[2211]: …</c>.</summary>
    Rfc3339 = 2,
    /// <summary>RFC 5424: <c>&lt;38&gt;1 2024-03-02T03:15:02.481913+00:00 web01 sshd 2211 - - …</c>.</summary>
    Rfc5424 = 3,
}
