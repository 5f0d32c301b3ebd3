namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// The header of one syslog line as offsets into the line, so reading it allocates nothing.
/// A length of 0 means the part is absent (or RFC 5424 nil <c>-</c>). The message is the rest of
/// the line from <see cref="MessageStart"/>.
/// </summary>
public struct SyslogEnvelope
{
    public EnvelopeKind Kind;

    /// <summary>The PRI value (facility * 8 + severity), or -1 when the line has none.</summary>
    public int Priority;

    /// <summary>False only for an RFC 5424 nil timestamp (<c>-</c>).</summary>
    public bool HasTime;

    /// <summary>RFC 3339 / RFC 5424: the exact UTC instant in ticks.</summary>
    public long UtcTicks;

    /// <summary>Traditional: month 1–12 and day 1–31 of the year-less local date.</summary>
    public int Month;
    public int Day;

    /// <summary>Traditional: local time of day in ticks, fractional seconds included.</summary>
    public long TimeOfDayTicks;

    public int HostStart;
    public int HostLength;
    public int ProgramStart;
    public int ProgramLength;
    public int PidStart;
    public int PidLength;
    public int MsgIdStart;
    public int MsgIdLength;
    public int StructuredDataStart;
    public int StructuredDataLength;
    public int MessageStart;
}
