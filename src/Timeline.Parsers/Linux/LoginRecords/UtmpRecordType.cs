namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// <c>ut_type</c> values of glibc's <c>&lt;bits/utmp.h&gt;</c> (utmp(5)). Anything outside 0–9 is not a
/// utmp record: detection counts it against the layout, the parser warns and skips it.
/// </summary>
public enum UtmpRecordType
{
    Empty = 0,
    RunLevel = 1,
    BootTime = 2,
    NewTime = 3,
    OldTime = 4,
    InitProcess = 5,
    LoginProcess = 6,
    UserProcess = 7,
    DeadProcess = 8,
    Accounting = 9,
}

/// <summary>The names glibc gives the record types, as <c>record_type</c> shows them.</summary>
public static class UtmpRecordTypeNames
{
    public static string Name(UtmpRecordType type) => type switch
    {
        UtmpRecordType.Empty => "EMPTY",
        UtmpRecordType.RunLevel => "RUN_LVL",
        UtmpRecordType.BootTime => "BOOT_TIME",
        UtmpRecordType.NewTime => "NEW_TIME",
        UtmpRecordType.OldTime => "OLD_TIME",
        UtmpRecordType.InitProcess => "INIT_PROCESS",
        UtmpRecordType.LoginProcess => "LOGIN_PROCESS",
        UtmpRecordType.UserProcess => "USER_PROCESS",
        UtmpRecordType.DeadProcess => "DEAD_PROCESS",
        UtmpRecordType.Accounting => "ACCOUNTING",
        _ => ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
