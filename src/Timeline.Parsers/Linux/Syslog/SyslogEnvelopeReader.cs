namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Reads the syslog header of a line in any of the three envelopes, span-based and without
/// allocating. The message grammars then read from <see cref="SyslogEnvelope.MessageStart"/>.
/// <code>
/// Mar  2 03:15:02 web01 sshd[2211]: Accepted password for root from 203.0.113.45 port 40112 ssh2
/// 2024-03-02T03:15:02.481913+00:00 web01 sshd[2211]: Accepted password for root from …
/// &lt;38&gt;1 2024-03-02T03:15:02.481913+00:00 web01 sshd 2211 - - Accepted password for root from …
/// </code>
/// A traditional line may carry a PRI in front (<c>&lt;38&gt;Mar  2 …</c>, as on the wire).
/// </summary>
public static class SyslogEnvelopeReader
{
    /// <summary>Reads the header of <paramref name="line"/>; false when the line has no valid syslog header.</summary>
    public static bool TryRead(ReadOnlySpan<char> line, out SyslogEnvelope envelope)
    {
        envelope = default;
        envelope.Priority = -1;
        var i = 0;
        if (line.Length > 0 && line[0] == '<')
        {
            var close = ReadPriority(line, out var priority);
            if (close == 0) return false;
            envelope.Priority = priority;
            i = close;
            if (i < line.Length && TraditionalTimestamp.IsDigit(line[i])) return TryReadRfc5424(line, i, ref envelope);
        }
        if (i < line.Length && TraditionalTimestamp.IsDigit(line[i]))
        {
            var used = Rfc3339Timestamp.TryRead(line[i..], out envelope.UtcTicks);
            if (used == 0) return false;
            envelope.Kind = EnvelopeKind.Rfc3339;
            envelope.HasTime = true;
            i += used;
        }
        else
        {
            var used = TraditionalTimestamp.TryRead(line[i..], out envelope.Month, out envelope.Day, out envelope.TimeOfDayTicks);
            if (used == 0) return false;
            envelope.Kind = EnvelopeKind.Traditional;
            envelope.HasTime = true;
            i += used;
        }
        // Exactly one space, then the host (or, on host-less producers, the tag).
        if (i + 1 >= line.Length || line[i] != ' ' || line[i + 1] == ' ') return false;
        i++;
        var hostEnd = TokenEnd(line, i);
        var hostToken = line[i..hostEnd];
        if (hostToken[^1] == ':' && hostToken.Length > 1)
        {
            // "Mar  2 03:15:02 sshd[2211]: …": no host field, the token is the tag.
            ReadTag(line, i, ref envelope);
            return true;
        }
        envelope.HostStart = i;
        envelope.HostLength = hostEnd - i;
        i = hostEnd;
        while (i < line.Length && line[i] == ' ') i++;
        ReadTag(line, i, ref envelope);
        return true;
    }

    /// <summary>
    /// True when the line starts with a traditional timestamp and a host: the same test the main
    /// read makes, used by the year pre-scan over raw bytes. Returns the month.
    /// </summary>
    public static bool TryReadTraditionalMonth(ReadOnlySpan<char> lineStart, out int month)
    {
        var found = TryReadTraditionalStamp(lineStart, out var stamp);
        month = stamp.Month;
        return found;
    }

    /// <summary>The same test as <see cref="TryReadTraditionalMonth"/>, giving the line's month, day and time of day.</summary>
    public static bool TryReadTraditionalStamp(ReadOnlySpan<char> lineStart, out TraditionalStamp stamp)
    {
        stamp = default;
        var i = 0;
        if (lineStart.Length > 0 && lineStart[0] == '<')
        {
            i = ReadPriority(lineStart, out _);
            if (i == 0 || (i < lineStart.Length && TraditionalTimestamp.IsDigit(lineStart[i]))) return false;
        }
        var used = TraditionalTimestamp.TryRead(lineStart[i..], out var month, out var day, out var time);
        if (used == 0) return false;
        i += used;
        if (!(i + 1 < lineStart.Length && lineStart[i] == ' ' && lineStart[i + 1] != ' ')) return false;
        stamp = new TraditionalStamp(month, day, time);
        return true;
    }

    /// <summary><c>&lt;PRI&gt;</c>: 1–3 digits, 0–191. Returns the index after '&gt;' or 0.</summary>
    private static int ReadPriority(ReadOnlySpan<char> line, out int priority)
    {
        priority = 0;
        var i = 1;
        while (i < line.Length && i <= 3 && TraditionalTimestamp.IsDigit(line[i])) priority = priority * 10 + (line[i++] - '0');
        if (i == 1 || i >= line.Length || line[i] != '>' || priority > 191) return 0;
        return i + 1;
    }

    // <38>1 2024-03-02T03:15:02.481913+00:00 web01 sshd 2211 - [origin ip="192.0.2.7"] Accepted password …
    // VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]; "-" is nil.
    private static bool TryReadRfc5424(ReadOnlySpan<char> line, int i, ref SyslogEnvelope envelope)
    {
        var versionStart = i;
        while (i < line.Length && TraditionalTimestamp.IsDigit(line[i])) i++;
        if (i - versionStart is < 1 or > 2 || i >= line.Length || line[i] != ' ' || line[versionStart] == '0') return false;
        i++;
        if (i < line.Length && line[i] == '-')
        {
            envelope.HasTime = false;
            i++;
        }
        else
        {
            var used = Rfc3339Timestamp.TryRead(line[i..], out envelope.UtcTicks);
            if (used == 0) return false;
            envelope.HasTime = true;
            i += used;
        }
        envelope.Kind = EnvelopeKind.Rfc5424;
        if (!NextField(line, ref i, out envelope.HostStart, out envelope.HostLength)) return false;
        if (!NextField(line, ref i, out envelope.ProgramStart, out envelope.ProgramLength)) return false;
        if (!NextField(line, ref i, out envelope.PidStart, out envelope.PidLength)) return false;
        if (!NextField(line, ref i, out envelope.MsgIdStart, out envelope.MsgIdLength)) return false;
        if (i >= line.Length || line[i] != ' ') return false;
        i++;
        if (i >= line.Length) return false;
        if (line[i] == '-')
        {
            i++;
        }
        else
        {
            var sdStart = i;
            if (!SkipStructuredData(line, ref i)) return false;
            envelope.StructuredDataStart = sdStart;
            envelope.StructuredDataLength = i - sdStart;
        }
        if (i < line.Length)
        {
            if (line[i] != ' ') return false;
            i++;
        }
        // MSG may begin with a UTF-8 BOM (RFC 5424 §6.4).
        if (i < line.Length && line[i] == '\uFEFF') i++;
        envelope.MessageStart = i;
        return true;
    }

    private static bool NextField(ReadOnlySpan<char> line, ref int i, out int start, out int length)
    {
        start = 0;
        length = 0;
        if (i >= line.Length || line[i] != ' ') return false;
        i++;
        var end = TokenEnd(line, i);
        if (end == i) return false;
        if (!(end - i == 1 && line[i] == '-'))
        {
            start = i;
            length = end - i;
        }
        i = end;
        return true;
    }

    // [exampleSDID@32473 iut="3" eventSource="Application"][origin ip="192.0.2.7"]: values may escape \" \\ \].
    private static bool SkipStructuredData(ReadOnlySpan<char> line, ref int i)
    {
        var any = false;
        while (i < line.Length && line[i] == '[')
        {
            i++;
            var quoted = false;
            while (true)
            {
                if (i >= line.Length) return false;
                var c = line[i];
                if (quoted && c == '\\') { i += 2; continue; }
                if (c == '"') quoted = !quoted;
                else if (c == ']' && !quoted) break;
                i++;
            }
            i++;
            any = true;
        }
        return any;
    }

    // The tag: "sshd[2211]: msg", "sudo: msg", "/USR/SBIN/CRON[77]: msg". Without a tag
    // ("last message repeated 2 times") the program is empty and the message starts here.
    private static void ReadTag(ReadOnlySpan<char> line, int i, ref SyslogEnvelope envelope)
    {
        envelope.MessageStart = i;
        if (i >= line.Length) return;
        var end = TokenEnd(line, i);
        var token = line[i..end];
        var colon = token.Length > 1 && token[^1] == ':';
        if (colon) token = token[..^1];
        var pidStart = 0;
        var pidLength = 0;
        var programLength = token.Length;
        if (token.Length > 2 && token[^1] == ']')
        {
            var open = token.LastIndexOf('[');
            if (open > 0 && AllDigits(token[(open + 1)..^1]))
            {
                programLength = open;
                pidStart = i + open + 1;
                pidLength = token.Length - open - 2;
            }
            else if (!colon)
            {
                return;
            }
        }
        else if (!colon)
        {
            return;
        }
        envelope.ProgramStart = i;
        envelope.ProgramLength = programLength;
        envelope.PidStart = pidStart;
        envelope.PidLength = pidLength;
        var m = end;
        while (m < line.Length && line[m] == ' ') m++;
        envelope.MessageStart = m;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
        {
            if (!TraditionalTimestamp.IsDigit(c)) return false;
        }
        return true;
    }

    private static int TokenEnd(ReadOnlySpan<char> line, int from)
    {
        var space = line[from..].IndexOf(' ');
        return space < 0 ? line.Length : from + space;
    }
}
