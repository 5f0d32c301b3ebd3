namespace Timeline.Parsers.Live.Lsof;

/// <summary>The cells of one lsof row that the parser uses.</summary>
public sealed record LsofRow(string Command, string Pid, string? Tid, string User, string Fd, string Type, string Node, string Name)
{
    /// <summary>Reads a row against its header; null with <paramref name="problem"/> when the row does not fit.</summary>
    public static LsofRow? Read(LsofHeader header, string line, out string? problem)
    {
        problem = null;
        // A damaged or hostile header can put its columns out of order (found by afl): no row fits it.
        if (header.PidEnd > header.NameStart || (header.HasThreads && (header.TidEnd < header.PidEnd || header.TidEnd > header.NameStart)))
        {
            problem = "the header's columns are out of order (PID, TID and NAME)";
            return null;
        }
        if (line.Length <= header.NameStart || line.Length < header.PidEnd)
        {
            problem = "the row is cut short";
            return null;
        }
        if (!char.IsWhiteSpace(line[header.NameStart - 1]))
        {
            problem = "the NAME column does not start where the header says";
            return null;
        }
        var front = line.AsSpan(0, header.PidEnd).TrimEnd();
        var gap = front.LastIndexOfAny(' ', '\t');
        if (gap < 0) { problem = "no PID"; return null; }
        var pid = front[(gap + 1)..];
        if (pid.IsEmpty || !IsNumber(pid)) { problem = $"'{pid.ToString()}' is not a process id"; return null; }
        var command = front[..gap].TrimEnd().ToString();
        var middleStart = header.PidEnd;
        string? tid = null;
        if (header.HasThreads)
        {
            var tidCell = line.AsSpan(header.PidEnd, header.TidEnd - header.PidEnd).Trim();
            if (!tidCell.IsEmpty && !IsNumber(tidCell)) { problem = $"'{tidCell.ToString()}' is not a thread id"; return null; }
            tid = tidCell.IsEmpty ? null : tidCell.ToString();
            middleStart = header.TidEnd;
        }
        var middle = new RowTokens(line.AsSpan(0, header.NameStart), middleStart);
        // With threads, a thread row's TASKCMD comes first; the other rows leave it empty.
        if (tid is not null) middle.Next(out _);
        if (!middle.Next(out var user) || !middle.Next(out var fd) || !middle.Next(out var type))
        {
            problem = "USER, FD or TYPE missing";
            return null;
        }
        // DEVICE, SIZE/OFF and NODE may each be empty; the node is the last cell before NAME (TCP/UDP for sockets).
        var node = "";
        while (middle.Next(out var cell)) node = cell.ToString();
        return new LsofRow(command, pid.ToString(), tid, user.ToString(), fd.ToString(), type.ToString(), node, line[header.NameStart..]);
    }

    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        if (text.Length > 10) return false;
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }
}
