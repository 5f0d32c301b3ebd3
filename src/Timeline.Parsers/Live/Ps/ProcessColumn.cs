namespace Timeline.Parsers.Live.Ps;

/// <summary>What a column of a process table (ps, top) holds; <see cref="Other"/> is read and not kept.</summary>
public enum ProcessColumn
{
    Other,
    /// <summary>USER, RUSER, EUSER: a name (ps prints the uid, or the name cut with a <c>+</c>, when it does not fit).</summary>
    User,
    /// <summary>UID: a name in <c>ps -ef</c>, a number in <c>ps -o uid</c>.</summary>
    Uid,
    Pid,
    Ppid,
    /// <summary>%CPU, or C (integer CPU use of <c>ps -ef</c>).</summary>
    Cpu,
    Mem,
    Tty,
    /// <summary>STAT / S: R, S, D, Z, I …</summary>
    State,
    /// <summary>START, STIME, STARTED, LSTART: one cell (<c>09:13</c>, <c>Dec01</c>), two (<c>Dec 01</c>) or five (<c>Wed Dec  2 09:13:45 2026</c>).</summary>
    Started,
    /// <summary>VSZ, VIRT: zero for a kernel thread.</summary>
    VirtualSize,
    /// <summary>COMMAND, CMD, ARGS, COMM: the last column holds the rest of the line.</summary>
    Command,
}
