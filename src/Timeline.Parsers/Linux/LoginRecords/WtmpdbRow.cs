namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// One row of wtmpdb's table <c>wtmp(ID INTEGER PRIMARY KEY, Type INTEGER, User TEXT NOT NULL, Login
/// INTEGER, Logout INTEGER, TTY TEXT, RemoteHost TEXT, Service TEXT)</c>: Login and Logout are
/// microseconds since the epoch (UTC); Logout stays NULL while the session (or, for a boot row, the
/// system) is up. Values are read as stored: a tampered database may hold text where an integer
/// belongs, which <see cref="WtmpdbReader"/> reports.
/// </summary>
public sealed record WtmpdbRow(long Id, long? Type, string User, long? LoginMicroseconds, long? LogoutMicroseconds, string Tty, string RemoteHost, string Service);

/// <summary>wtmpdb's record types (its <c>wtmpdb.h</c>): fewer than utmp's, numbered differently.</summary>
public static class WtmpdbTypes
{
    public const long Empty = 0;
    public const long BootTime = 1;
    public const long Runlevel = 2;
    public const long UserProcess = 3;

    public static string Name(long? type) => type switch
    {
        Empty => "EMPTY",
        BootTime => "BOOT_TIME",
        Runlevel => "RUNLEVEL",
        UserProcess => "USER_PROCESS",
        null => "NULL",
        _ => type.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
