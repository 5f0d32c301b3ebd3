using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Ps;

/// <summary>
/// One row of a process table read against its <see cref="ProcessHeader"/>. Cells are separated by
/// whitespace; the start time may span several cells; the last column (the command) is the rest of
/// the line as printed, spaces and tabs included.
/// <para>
/// A name in brackets (<c>[kswapd0]</c>) is how ps shows a process without a command line — a kernel
/// thread, or a process that wiped its own argv to look like one. <see cref="FieldNames.KernelThread"/>
/// says which: <c>true</c> when nothing contradicts it, <c>false</c> with a <see cref="FieldNames.Problem"/>
/// when the row has user memory (VSZ &gt; 0) or a parent other than kthreadd (2) or the kernel (0).
/// </para>
/// </summary>
public static class ProcessRow
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The fields of the row, or null with <paramref name="problem"/> saying why it is not a row of this table.</summary>
    public static FieldSet? Read(ProcessHeader header, string line, out string? problem)
    {
        problem = null;
        var tokens = new RowTokens(line);
        var fields = new FieldSet(14).Set(FieldNames.Event, LiveStateEvents.Process);
        string? vsz = null;
        var columns = header.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            string value;
            if (i == columns.Count - 1 && column == ProcessColumn.Command)
            {
                value = tokens.Rest().ToString();
                if (value.Length == 0) { problem = "the row is cut short: no command"; return null; }
            }
            else if (!tokens.Next(out var cell))
            {
                problem = $"the row is cut short: {columns.Count - i} of {columns.Count} columns missing";
                return null;
            }
            else value = column == ProcessColumn.Started ? StartTime(cell, ref tokens) : cell.ToString();

            switch (column)
            {
                case ProcessColumn.Pid:
                    if (!IsNumber(value)) { problem = $"'{value}' is not a process id"; return null; }
                    fields.Set(FieldNames.Pid, value);
                    break;
                case ProcessColumn.Ppid:
                    if (!IsNumber(value)) { problem = $"'{value}' is not a parent process id"; return null; }
                    fields.Set(FieldNames.Ppid, value);
                    break;
                case ProcessColumn.User: fields.Set(FieldNames.User, value); break;
                case ProcessColumn.Uid: fields.Set(IsNumber(value) ? FieldNames.Uid : FieldNames.User, value); break;
                case ProcessColumn.Cpu: fields.Set(FieldNames.Cpu, value); break;
                case ProcessColumn.Mem: fields.Set(FieldNames.Mem, value); break;
                case ProcessColumn.Tty: fields.Set(FieldNames.Tty, value is "?" or "-" ? null : value); break;
                case ProcessColumn.State: fields.Set(FieldNames.State, value); break;
                case ProcessColumn.Started: fields.Set(FieldNames.Started, value); break;
                case ProcessColumn.VirtualSize: vsz = value; break;
                case ProcessColumn.Command: fields.Set(FieldNames.Command, value); break;
            }
        }
        if (tokens.Next(out _)) { problem = "the row has more cells than its header"; return null; }
        MarkProcess(fields, vsz);
        return fields;
    }

    private static void MarkProcess(FieldSet fields, string? vsz)
    {
        var command = fields.Get(FieldNames.Command);
        if (command is null) return;
        if (command.Length > 2 && command[0] == '[' && command.EndsWith(']'))
        {
            fields.Set(FieldNames.Process, command[1..^1]);
            var ppid = fields.Get(FieldNames.Ppid);
            var userMemory = vsz is not null && vsz != "0";
            var foreignParent = ppid is not null && ppid is not ("0" or "2");
            fields.Set(FieldNames.KernelThread, userMemory || foreignParent ? "false" : "true");
            if (userMemory || foreignParent)
                fields.Set(FieldNames.Problem, userMemory ? "bracketed name with user memory: not a kernel thread" : "bracketed name whose parent is not kthreadd: not a kernel thread");
            return;
        }
        // The program's name: the last part of argv[0] when it is a path; a bare name (top's comm,
        // "ksoftirqd/0") is kept whole.
        var first = command.AsSpan().TrimStart();
        var end = first.IndexOfAny(' ', '\t');
        if (end >= 0) first = first[..end];
        var slash = first.StartsWith("/") || first.StartsWith("./") ? first.LastIndexOf('/') : -1;
        fields.Set(FieldNames.Process, (slash >= 0 ? first[(slash + 1)..] : first).ToString());
    }

    // lstart (and ps -o start older than a day) spread over several cells: "Wed Dec  2 09:13:45 2026", "Dec 01".
    private static string StartTime(ReadOnlySpan<char> first, ref RowTokens tokens)
    {
        var extra = Weekdays.Contains(first.ToString()) ? 4 : Months.Contains(first.ToString()) ? 1 : 0;
        if (extra == 0) return first.ToString();
        var parts = new List<string> { first.ToString() };
        for (var i = 0; i < extra && tokens.Next(out var more); i++) parts.Add(more.ToString());
        return string.Join(' ', parts);
    }

    private static bool IsNumber(string value)
    {
        if (value.Length is 0 or > 10) return false;
        foreach (var c in value) if (c is < '0' or > '9') return false;
        return true;
    }
}
