using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>One PID of the live state, merged from the rows that name it (ps, top, proc).</summary>
public sealed class LiveProcessRow(int pid, EventRecord first)
{
    private readonly List<string> _eventIds = [];

    public int Pid { get; } = pid;
    /// <summary>The row the chain cites: the first row of this PID.</summary>
    public string EventId { get; } = first.Id;
    public long? Ticks { get; } = first.Ticks;
    public TimeQuality TimeQuality { get; } = first.TimeQuality;
    public Origin Origin { get; } = first.Origin;
    public string Parser { get; } = first.Parser;
    public int? Ppid { get; private set; }
    public string? User { get; private set; }
    /// <summary>The command line as ps printed it (<c>args</c>); for a kernel thread <c>[name]</c>.</summary>
    public string? Command { get; private set; }
    /// <summary>The program name (<c>comm</c>) when a row gave it apart from the command line.</summary>
    public string? Name { get; private set; }
    /// <summary>The executable path when a row gave it (proc's exe link, lsof).</summary>
    public string? Exe { get; private set; }
    /// <summary>The highest %CPU any row gave (ps: lifetime average; top: the last interval).</summary>
    public double? Cpu { get; private set; }
    /// <summary>True when the only name came from top (which prints <c>comm</c>, no brackets, for kernel threads too).</summary>
    public bool NameOnly => Command is null;

    /// <summary>
    /// The ps parser's verdict on a bracketed name (<see cref="FieldNames.KernelThread"/>): false when the row
    /// has user memory (VSZ &gt; 0) or a parent other than kthreadd — a process that wiped its argv to look like
    /// a kernel thread. Null when no row said.
    /// </summary>
    public bool? ParserSaysKernelThread { get; private set; }
    public IReadOnlyList<string> EventIds => _eventIds;

    /// <summary>Sets the executable from another source (lsof's program text) when no row gave it.</summary>
    public void Executable(string exe) => Exe ??= exe;

    public void Merge(EventRecord e)
    {
        var f = e.Fields;
        if (!_eventIds.Contains(e.Id) && _eventIds.Count < 16) _eventIds.Add(e.Id);
        Ppid ??= LiveSnapshot.Pid(f.Get(FieldNames.Ppid)) ?? (f.Get(FieldNames.Ppid) == "0" ? 0 : null);
        User ??= f.Get(FieldNames.User);
        // top prints comm in its COMMAND column: a name, not a command line.
        if (e.Parser == ParserNames.LiveTop) Name ??= f.Get(FieldNames.Process) ?? f.Get(FieldNames.Command);
        else
        {
            if (f.Get(FieldNames.Command) is { Length: > 0 } command && (Command is null || command.Length > Command.Length)) Command = command;
            // The name ps shows (the disguise, when there is one) wins over the file name proc's exe link gives.
            if (e.Parser == ParserNames.LiveProcesses && f.Get(FieldNames.Process) is { } shown) Name = shown;
            else Name ??= f.Get(FieldNames.Process);
        }
        Exe ??= f.Get(FieldNames.Exe);
        if (f.Get(FieldNames.KernelThread) is { } verdict) ParserSaysKernelThread = ParserSaysKernelThread is false ? false : verdict == "true";
        if (double.TryParse(f.Get(FieldNames.Cpu), NumberStyles.Float, CultureInfo.InvariantCulture, out var cpu) && double.IsFinite(cpu) && (Cpu is null || cpu > Cpu)) Cpu = cpu;
    }
}
