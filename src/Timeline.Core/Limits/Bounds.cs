namespace Timeline.Core.Limits;

/// <summary>
/// Every bound Timeline puts on untrusted input, in one place. Evidence, rule files and queries all
/// come from people we do not trust (an attacker wrote the logs; a rule pack or a query may be pasted
/// from anywhere), so every size, depth and cost that input controls has a limit here, with why it is
/// that value. The code that enforces a bound refers to the constant; going over a bound is never a
/// crash or a hang: evidence bounds become a warning with file and position (counted per file and
/// shown by <c>stats</c>), rule bounds become a load error with file and line (<c>rules lint</c>),
/// query bounds become a syntax error with the column, regex cost bounds are counted and reported by
/// the hunt. Bounds marked "later" are stated here for the parts that will enforce them.
/// </summary>
public static class Bounds
{
    // ---- Evidence ----------------------------------------------------------------------------

    /// <summary>
    /// Longest text line kept (bytes). Real log lines are under 8 KiB (rsyslog's default maximum
    /// message size is 8 KiB, journald's line max 48 KiB); longer lines are cut here with a warning,
    /// never buffered whole, so one hostile line cannot exhaust memory.
    /// </summary>
    public const int LineBytes = 64 * 1024;

    /// <summary>
    /// How much of a file format detection reads (bytes of decompressed content): enough for 200
    /// lines of any real log, and for every binary magic we know (EVTX, journal, utmp records).
    /// </summary>
    public const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Share (percent) of the sniffed bytes, not counting runs of NUL bytes, that may be control
    /// bytes before content counts as binary. Logs after a crash hold NUL runs where the file system
    /// extended the file but the data never reached the disk, and a torn block may leave a little
    /// garbage; a record format (wtmp: 384-byte records of integers and padded strings) has far more.
    /// </summary>
    public const int BinaryControlPercent = 10;

    /// <summary>
    /// Leading NUL bytes of a line kept in its text as <c>\x00</c> (the rest are counted in the
    /// warning). A crash can leave megabytes of NULs before the next line; the text after them is
    /// still read and the exact count is in the warning.
    /// </summary>
    public const int KeptLeadingNulBytes = 256;

    /// <summary>
    /// Longest value stored in an index key (UTF-8 bytes). LiteDB refuses index keys over 1,023
    /// bytes; longer host and parser names are indexed by the LiteDB store under their start, a
    /// marker and their SHA-256 (<c>IndexKey</c>), the full value kept beside the key, so one value
    /// cannot stop the ingest and a lookup still finds it (seek on the key, then a full-value check).
    /// </summary>
    public const int IndexKeyBytes = 1000;

    /// <summary>Read size when hashing evidence; cancellation is checked between reads.</summary>
    public const int HashChunkBytes = 1 << 20;

    // ---- Kernel audit log (Parsers/Linux/Audit) ---------------------------------------------------

    /// <summary>
    /// Lines after an audit event's last record at which the event is taken as complete. The kernel
    /// emits an event's records back to back; auditd may interleave a few events of other CPUs, so
    /// 64 lines of other serials is far past any real interleaving. It also bounds the events held
    /// open at once: at most this many plus one (each line opens at most one).
    /// </summary>
    public const int AuditGroupLines = 64;

    /// <summary>
    /// Records joined into one audit event. An execve of a 2 MiB argv (the usual stack limit) is ~300
    /// EXECVE records of at most 7,500 bytes; a serial that never ends is cut here, with a warning.
    /// </summary>
    public const int AuditRecordsPerEvent = 1024;

    /// <summary>
    /// Characters of record text held by all open audit events together. A hostile file can keep 65
    /// events open with 1,024 long records each; past this the oldest open event is closed early (warned).
    /// A real 2 MiB argv, hex-encoded, is 4 MiB.
    /// </summary>
    public const int AuditOpenChars = 32 * 1024 * 1024;

    /// <summary>Characters of an audit event's message: the first record whole, the others while they fit.</summary>
    public const int AuditMessageChars = 8 * 1024;

    /// <summary>Arguments of an execution kept as separate fields <c>a0</c>…; all of them are in <c>command</c>.</summary>
    public const int AuditArgumentFields = 128;

    /// <summary>Characters of the decoded command line kept (the kernel's argv limit is far larger); longer ones are cut with a warning.</summary>
    public const int AuditCommandChars = 128 * 1024;

    /// <summary>PATH items kept as <c>pathN.*</c> fields (an execve has 2–3, a rename 4–5).</summary>
    public const int AuditPathItems = 16;

    // ---- Archives (Ingest/Archives) -------------------------------------------------------------

    /// <summary>
    /// Largest decompressed/compressed ratio of an archive (deflate cannot exceed ~1,032:1 per layer;
    /// zip bombs reach millions by nesting). Text logs compress 5–30:1, very repetitive ones ~100:1.
    /// Checked only after <see cref="ArchiveRatioAfterBytes"/>, so a small archive of zeros is no alarm.
    /// </summary>
    public const int ArchiveRatio = 1000;

    /// <summary>Decompressed bytes of an archive before its ratio is checked.</summary>
    public const long ArchiveRatioAfterBytes = 64L * 1024 * 1024;

    /// <summary>Largest total decompressed size of one archive, nested members included (bytes).</summary>
    public const long ArchiveBytes = 64L * 1024 * 1024 * 1024;

    /// <summary>Most members read from one archive (nested members count); the rest are counted and summarised.</summary>
    public const int ArchiveMembers = 1_000_000;

    /// <summary>Most path levels of a member name kept; deeper names are shortened in what is shown (real layouts are under 30).</summary>
    public const int ArchivePathLevels = 128;

    /// <summary>Deepest archive-in-archive read (CatScale needs 1: its per-folder tar.gz inside the outer one).</summary>
    public const int ArchiveNesting = 3;

    /// <summary>A member up to this size is spooled in memory, a larger one to the run's private temporary folder.</summary>
    public const int ArchiveSpoolMemoryBytes = 16 * 1024 * 1024;

    /// <summary>Problems of one kind (bad names, links, duplicates) warned one by one per archive; the rest go into one summary warning.</summary>
    public const int ArchiveListedProblems = 100;

    // ---- Sigma rules -------------------------------------------------------------------------

    /// <summary>
    /// Largest rule file read (bytes). The largest SigmaHQ rule (the vulnerable-driver list) is
    /// 295 KB; 4 MiB leaves room for generated IOC rules while bounding YAML memory.
    /// </summary>
    public const int RuleFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Deepest YAML nesting in a rule file (maps and lists, after alias expansion). SigmaHQ rules
    /// are at most 5 deep; the YAML reader and the detection builder recurse per level.
    /// </summary>
    public const int YamlDepth = 64;

    /// <summary>
    /// Most YAML nodes in one rule file counting each alias as the nodes it stands for. Stops a
    /// "billion laughs" alias bomb before anything is expanded; SigmaHQ's largest rule has ~4,500 nodes.
    /// </summary>
    public const int YamlNodes = 200_000;

    /// <summary>Most values in one rule (all detection items together). SigmaHQ's largest has 4,433.</summary>
    public const int ValuesPerRule = 20_000;

    /// <summary>
    /// Most <c>|re</c> values in one rule, and in one loaded rule set. Each compiled regex costs
    /// memory (100,000 of them took 16.9 GB); SigmaHQ uses ~230 in all its rules together.
    /// </summary>
    public const int RegexesPerRule = 256;

    /// <inheritdoc cref="RegexesPerRule"/>
    public const int RegexesPerRuleSet = 10_000;

    /// <summary>Deepest nesting of parentheses and <c>not</c> in a Sigma condition (the parser recurses per level).</summary>
    public const int ConditionDepth = 64;

    /// <summary>
    /// Time one backtracking regex (lookaround, backreference) may take on one value. Regexes the
    /// non-backtracking engine accepts run in linear time and need no bound.
    /// </summary>
    public static readonly TimeSpan RegexPerEvent = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Timeouts one regex may have in a hunt before it is switched off for the rest of the hunt
    /// (its later evaluations count as skipped). A pattern that times out this often is
    /// catastrophic on this data and would otherwise cost 100 ms on every event.
    /// </summary>
    public const int RegexTimeoutsPerPattern = 10;

    /// <summary>
    /// Total time all backtracking regexes may spend in one hunt; afterwards every backtracking
    /// regex is skipped (counted). Bounds a rule pack of many slow patterns that each stay under
    /// <see cref="RegexTimeoutsPerPattern"/>.
    /// </summary>
    public static readonly TimeSpan RegexPerHunt = TimeSpan.FromSeconds(60);

    // ---- Queries -----------------------------------------------------------------------------

    /// <summary>Deepest nesting of parentheses and NOT/!/- in a query (the parser and the evaluator recurse per level).</summary>
    public const int QueryDepth = 64;

    /// <summary>Most terms in one query; real queries have a handful, and 1,000 bounds the plan and evaluation.</summary>
    public const int QueryTerms = 1000;

    /// <summary>Time a backtracking query regex may take on one value.</summary>
    public static readonly TimeSpan QueryRegexPerValue = TimeSpan.FromMilliseconds(200);

    // ---- serve -------------------------------------------------------------------------------

    /// <summary>Longest time one web-view request may run: then its query is cancelled and the answer is 503 with a JSON error.</summary>
    public static readonly TimeSpan RequestTime = TimeSpan.FromSeconds(10);

    /// <summary>Requests <c>serve</c> runs at the same time (the machine's cores, not one); one more is answered 503 at once.</summary>
    public static int RequestConcurrency => Math.Max(2, Environment.ProcessorCount);
}
