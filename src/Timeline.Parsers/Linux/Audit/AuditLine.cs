namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// Reads one audit.log line into an <see cref="AuditRecord"/>. The shape (auditd's <c>RAW</c> and
/// <c>ENRICHED</c> log formats, see auditd.conf(5) and the Linux Audit documentation):
/// <code>
/// [node=web01 ]type=SYSCALL msg=audit(1709349302.481:1234): arch=c000003e syscall=59 … key="exec"␝ARCH=x86_64 SYSCALL=execve AUID="alice"
/// type=USER_AUTH msg=audit(1709349302.481:1235): pid=9 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="root" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'␝UID="root" AUID="unset"
/// </code>
/// Values are double-quoted literals, bare tokens (numbers, hex-encoded strings) or, for the
/// user-space <c>msg='…'</c>, a nested field list. Enriched fields are uppercase and follow a 0x1D
/// byte (copies of logs sometimes lose the byte; the uppercase name still tells them apart, since the
/// kernel and libaudit only write lowercase names). Words without <c>=</c> (AVC's <c>{ read }</c>) are
/// skipped; they stay in the message.
/// </summary>
public static class AuditLine
{
    private const char EnrichedSeparator = '\x1d';
    private const string AuditStamp = "msg=audit(";

    /// <summary>Whether the line starts like an audit record (<c>type=</c> or <c>node=… type=</c>, then <c>msg=audit(</c>).</summary>
    public static bool LooksLikeRecord(string line) =>
        TryHeader(line, out _, out _, out _, out _, out _, out _);

    public static AuditRecord? TryRead(string line, long number, out string? problem)
    {
        problem = null;
        if (!TryHeader(line, out var node, out var type, out var ticks, out var serial, out var fieldsStart, out problem)) return null;
        var fields = new List<AuditField>(24);
        var cut = Scan(line, fieldsStart, fields, inner: false, enriched: false, out _);
        return new AuditRecord
        {
            Node = node, Type = type, Ticks = ticks, Serial = serial, Fields = fields, Text = line, Line = number,
            Problem = cut,
        };
    }

    private static bool TryHeader(string line, out string? node, out string type, out long ticks, out long serial, out int fieldsStart, out string? problem)
    {
        node = null; type = ""; ticks = 0; serial = 0; fieldsStart = 0; problem = null;
        var pos = 0;
        if (line.StartsWith("node=", StringComparison.Ordinal))
        {
            var space = line.IndexOf(' ', 5);
            if (space < 0) { problem = "a node= prefix with nothing after it"; return false; }
            node = line[5..space];
            pos = space + 1;
        }
        if (string.CompareOrdinal(line, pos, "type=", 0, 5) != 0) { problem = "not an audit record: no type="; return false; }
        var typeEnd = line.IndexOf(' ', pos + 5);
        if (typeEnd < 0 || typeEnd == pos + 5) { problem = "an audit record cut short after type="; return false; }
        type = line[(pos + 5)..typeEnd];
        pos = typeEnd + 1;
        if (string.CompareOrdinal(line, pos, AuditStamp, 0, AuditStamp.Length) != 0) { problem = "an audit record without msg=audit(time:serial)"; return false; }
        pos += AuditStamp.Length;
        if (!TryNumber(line, ref pos, out var seconds) || pos >= line.Length) { problem = "an audit record with a bad or cut time stamp"; return false; }
        long fraction = 0;
        if (line[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < line.Length && char.IsAsciiDigit(line[pos]))
            {
                if (digits < 7) { fraction = fraction * 10 + (line[pos] - '0'); digits++; }
                pos++;
            }
            for (; digits < 7; digits++) fraction *= 10;
        }
        if (pos >= line.Length || line[pos] != ':') { problem = "an audit record with a bad or cut time stamp"; return false; }
        pos++;
        if (!TryNumber(line, ref pos, out serial) || pos >= line.Length || line[pos] != ')') { problem = "an audit record with a bad or cut serial number"; return false; }
        pos++;
        if (pos < line.Length && line[pos] == ':') pos++;
        // Seconds beyond year 9999 are not a time; DateTime would throw.
        const long maxSeconds = 253_402_300_799L;
        if (seconds > maxSeconds) { problem = "an audit time stamp past year 9999"; return false; }
        ticks = DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond + fraction;
        fieldsStart = pos;
        return true;
    }

    private static bool TryNumber(string s, ref int pos, out long value)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            if (pos - start >= 18) return false;
            value = value * 10 + (s[pos] - '0');
            pos++;
        }
        return pos > start;
    }

    /// <summary>
    /// Reads <c>name=value</c> pairs from <paramref name="pos"/>. Inside a <c>msg='…'</c> it stops at the
    /// closing quote (a <c>'</c> where a name or bare value would start or end; quoted values may hold
    /// one). Returns the problem when a quote is never closed (the line was cut), else null.
    /// </summary>
    private static string? Scan(string s, int pos, List<AuditField> into, bool inner, bool enriched, out int end)
    {
        string? problem = null;
        string? previousWord = null;
        while (true)
        {
            while (pos < s.Length && (s[pos] == ' ' || s[pos] == EnrichedSeparator))
            {
                if (s[pos] == EnrichedSeparator) enriched = true;
                pos++;
            }
            if (pos >= s.Length) break;
            if (inner && s[pos] == '\'') { end = pos + 1; return problem; }
            var keyStart = pos;
            while (pos < s.Length && s[pos] != '=' && s[pos] != ' ' && s[pos] != EnrichedSeparator && !(inner && s[pos] == '\'')) pos++;
            if (pos >= s.Length || s[pos] != '=')
            {
                // A bare word (AVC's "avc:  denied  { read } for"): no field. Kernels before 3.x wrote
                // LOGIN as "old auid=… new auid=…": remember the word so the old value is not taken for the new.
                previousWord = s[keyStart..pos];
                continue;
            }
            var key = s[keyStart..pos];
            if (previousWord == "old") key = "old-" + key;
            previousWord = null;
            pos++;
            if (key.Length == 0) continue;
            var isEnriched = enriched || IsUpperName(key);
            if (pos >= s.Length) break;
            var c = s[pos];
            if (c == '"')
            {
                var close = s.IndexOf('"', pos + 1);
                if (close < 0)
                {
                    into.Add(new AuditField(key, s[(pos + 1)..], true, isEnriched, inner));
                    problem = $"the value of {key} is cut short (no closing quote)";
                    end = s.Length;
                    return problem;
                }
                into.Add(new AuditField(key, s[(pos + 1)..close], true, isEnriched, inner));
                pos = close + 1;
            }
            else if (c == '\'' && !inner && key == "msg")
            {
                // A user-space record: its own fields inside msg='…'.
                problem = Scan(s, pos + 1, into, inner: true, enriched: false, out var after) ?? problem;
                if (after <= pos + 1 || s[after - 1] != '\'') problem ??= "the msg='…' of a user-space record is cut short (no closing quote)";
                pos = after;
            }
            else
            {
                var valueStart = pos;
                while (pos < s.Length && s[pos] != ' ' && s[pos] != EnrichedSeparator && !(inner && s[pos] == '\'')) pos++;
                // A bare value never holds a double quote (one forces hex). One here means the 0x1D before
                // the enriched part was lost in a copy ("res=1AUID=\"bui\""): the value ends where the
                // uppercase name starts, and scanning resumes there.
                var glued = GluedEnrichedName(s, valueStart, pos);
                if (glued > valueStart)
                {
                    into.Add(new AuditField(key, s[valueStart..glued], false, isEnriched, inner));
                    pos = glued;
                    enriched = true;
                    continue;
                }
                into.Add(new AuditField(key, s[valueStart..pos], false, isEnriched, inner));
            }
        }
        end = s.Length;
        return inner ? problem ?? "the msg='…' of a user-space record is cut short (no closing quote)" : problem;
    }

    private static int GluedEnrichedName(string s, int start, int end)
    {
        var quote = s.IndexOf("=\"", start, end - start, StringComparison.Ordinal);
        if (quote < 0) return -1;
        var name = quote;
        while (name > start && (char.IsAsciiLetterUpper(s[name - 1]) || char.IsAsciiDigit(s[name - 1]) || s[name - 1] is '_' or '-')) name--;
        while (name < quote && !char.IsAsciiLetterUpper(s[name])) name++;
        return name < quote ? name : -1;
    }

    private static bool IsUpperName(string key)
    {
        if (!char.IsAsciiLetterUpper(key[0])) return false;
        foreach (var ch in key)
            if (!(char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch is '_' or '-')) return false;
        return true;
    }
}
