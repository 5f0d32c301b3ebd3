using System.Text;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// The journal fields Timeline reads, each with a fixed slot in <see cref="JournalEntry"/>. Every
/// other field of an entry (<c>__CURSOR</c>, <c>_MACHINE_ID</c>, <c>_UDEV_DEVLINK</c>, …) is skipped
/// without being decoded. Field names are systemd's (<c>man systemd.journal-fields</c>):
/// <code>
/// __REALTIME_TIMESTAMP=1709349302481913     µs since the Unix epoch, when journald received the entry
/// _HOSTNAME=web01
/// SYSLOG_IDENTIFIER=sshd                     the syslog tag (else _COMM, the process name)
/// SYSLOG_PID=2211                            the pid in the syslog tag (else _PID, the sender's pid)
/// MESSAGE=Accepted password for root from 203.0.113.45 port 40112 ssh2
/// </code>
/// <c>UNIT</c>/<c>USER_UNIT</c> name the unit a message of the service manager is about
/// (<c>systemd[1]: Started xmrig.service - System Monitor.</c> carries <c>UNIT=xmrig.service</c>).
/// </summary>
public static class JournalFields
{
    public const int RealtimeTimestamp = 0;
    public const int SourceRealtimeTimestamp = 1;
    public const int Hostname = 2;
    public const int SyslogIdentifier = 3;
    public const int Comm = 4;
    public const int SyslogPid = 5;
    public const int Pid = 6;
    public const int Message = 7;
    public const int SystemdUnit = 8;
    public const int Priority = 9;
    public const int Exe = 10;
    public const int Cmdline = 11;
    public const int Uid = 12;
    public const int Transport = 13;
    public const int BootId = 14;
    public const int Unit = 15;
    public const int UserUnit = 16;
    public const int Count = 17;

    /// <summary>Journal field name of each slot, in slot order.</summary>
    public static readonly string[] Names =
    [
        "__REALTIME_TIMESTAMP", "_SOURCE_REALTIME_TIMESTAMP", "_HOSTNAME", "SYSLOG_IDENTIFIER", "_COMM",
        "SYSLOG_PID", "_PID", "MESSAGE", "_SYSTEMD_UNIT", "PRIORITY", "_EXE", "_CMDLINE", "_UID",
        "_TRANSPORT", "_BOOT_ID", "UNIT", "USER_UNIT",
    ];

    /// <summary>Longest field name journald accepts (its field-name check allows 64 characters).</summary>
    public const int MaxNameLength = 64;

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.ASCII.GetBytes)];
    private static readonly Dictionary<string, int> ByName = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    /// <summary>The slot of a field name, or -1 for a field Timeline does not read.</summary>
    public static int SlotOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (name.SequenceEqual(Utf8Names[i])) return i;
        }
        return -1;
    }

    public static int SlotOf(string name) => ByName.TryGetValue(name, out var slot) ? slot : -1;

    /// <summary>
    /// A valid journal field name: upper-case ASCII letters, digits and underscores, not starting with
    /// a digit, at most <see cref="MaxNameLength"/> bytes. Anything else in an export is not a field.
    /// </summary>
    public static bool IsValidName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || char.IsAsciiDigit((char)name[0])) return false;
        foreach (var b in name)
        {
            if (!(b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'0' and <= (byte)'9' || b == (byte)'_')) return false;
        }
        return true;
    }

    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
