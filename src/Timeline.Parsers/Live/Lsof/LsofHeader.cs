namespace Timeline.Parsers.Live.Lsof;

/// <summary>
/// The header of <c>lsof</c> output: <c>COMMAND PID [TID TASKCMD] USER FD TYPE DEVICE SIZE/OFF NODE NAME</c>.
/// lsof lays the table out after reading every row, so columns line up with the header: PID and TID
/// are right-aligned (they end where their header word ends) and NAME starts where its header word
/// starts. Cells in between may be empty (<c>txt unknown … /proc/45/exe</c>), so they are found by
/// position, not by counting words; COMMAND (up to 9 characters of the comm, which its owner
/// chooses and may contain spaces) is everything before the PID.
/// </summary>
public sealed record LsofHeader(int PidEnd, int TidEnd, int NameStart)
{
    public bool HasThreads => TidEnd > 0;

    public static LsofHeader? TryRead(string line)
    {
        if (!line.StartsWith("COMMAND ", StringComparison.Ordinal)) return null;
        var pid = line.IndexOf(" PID ", StringComparison.Ordinal);
        var name = line.LastIndexOf(" NAME", StringComparison.Ordinal);
        if (pid < 0 || name < 0 || !line.Contains(" FD ", StringComparison.Ordinal) || !line.Contains(" TYPE ", StringComparison.Ordinal)) return null;
        var tid = line.IndexOf(" TID ", StringComparison.Ordinal);
        return new LsofHeader(pid + 4, tid < 0 ? 0 : tid + 4, name + 1);
    }
}
