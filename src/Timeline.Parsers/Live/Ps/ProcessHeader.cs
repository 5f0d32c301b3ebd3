namespace Timeline.Parsers.Live.Ps;

/// <summary>
/// The header line of a process table: <c>ps aux</c> (<c>USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND</c>),
/// <c>ps -ef</c> (<c>UID PID PPID C STIME TTY TIME CMD</c>), <c>ps -eo …</c> (any columns, headers as
/// procps prints them), BusyBox (<c>PID USER TIME COMMAND</c>, <c>PID USER VSZ STAT COMMAND</c>) and
/// top's task table (<c>PID USER PR NI VIRT RES SHR S %CPU %MEM TIME+ COMMAND</c>). A line is a header
/// when every cell looks like a column name, one of them is PID and one a command column.
/// </summary>
public sealed class ProcessHeader
{
    private ProcessHeader(ProcessColumn[] columns) => Columns = columns;

    public IReadOnlyList<ProcessColumn> Columns { get; }

    public static ProcessHeader? TryRead(string line)
    {
        var cells = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length < 3 || cells.Length > 64) return null;
        var columns = new ProcessColumn[cells.Length];
        bool pid = false, command = false;
        for (var i = 0; i < cells.Length; i++)
        {
            if (!LooksLikeColumnName(cells[i])) return null;
            columns[i] = Classify(cells[i]);
            pid |= columns[i] == ProcessColumn.Pid;
            command |= columns[i] == ProcessColumn.Command;
        }
        return pid && command ? new ProcessHeader(columns) : null;
    }

    private static ProcessColumn Classify(string name) => name switch
    {
        "USER" or "RUSER" or "EUSER" => ProcessColumn.User,
        "UID" or "RUID" or "EUID" => ProcessColumn.Uid,
        "PID" => ProcessColumn.Pid,
        "PPID" => ProcessColumn.Ppid,
        "%CPU" or "C" => ProcessColumn.Cpu,
        "%MEM" => ProcessColumn.Mem,
        "TTY" or "TT" => ProcessColumn.Tty,
        "STAT" or "S" => ProcessColumn.State,
        "START" or "STIME" or "STARTED" or "LSTART" => ProcessColumn.Started,
        "VSZ" or "VIRT" => ProcessColumn.VirtualSize,
        "COMMAND" or "CMD" or "ARGS" or "COMM" => ProcessColumn.Command,
        _ => ProcessColumn.Other,
    };

    // procps and BusyBox column names: capitals, digits, %, +, _ and - (TIME+, %CPU, PGID, RTPRIO).
    private static bool LooksLikeColumnName(string cell)
    {
        if (cell.Length > 12) return false;
        var letter = false;
        foreach (var c in cell)
        {
            if (c is >= 'A' and <= 'Z') letter = true;
            else if (c is not ((>= '0' and <= '9') or '%' or '+' or '_' or '-')) return false;
        }
        return letter;
    }
}
