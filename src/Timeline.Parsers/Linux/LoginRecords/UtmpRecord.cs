namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>One decoded utmp record (<see cref="UtmpLayout.Decode"/>), fields still raw.</summary>
public sealed record UtmpRecord(
    short Type, ushort TypePadding, int Pid, byte[] Line, byte[] Id, byte[] User, byte[] Host,
    short ExitTermination, short ExitCode, long Session, long Seconds, long Microseconds, byte[] Address)
{
    public bool TypeInRange => Type is >= 0 and <= 9;

    public UtmpRecordType Kind => (UtmpRecordType)Type;

    public bool MicrosecondsInRange => Microseconds is >= 0 and <= 999_999;

    /// <summary>
    /// What detection checks: a known type, microseconds below a second, a non-negative pid and, for
    /// every type but EMPTY, a plausible time and NUL padding after the strings.
    /// </summary>
    public bool LooksValid =>
        TypeInRange && MicrosecondsInRange && Pid >= 0
        && (Kind == UtmpRecordType.Empty
            || (RecordTime.IsPlausible(Seconds) && FixedText.IsNulPadded(Line) && FixedText.IsNulPadded(User) && FixedText.IsNulPadded(Host)));
}
