namespace Timeline.Parsers.Web.Access;

/// <summary>
/// One line of an nginx or Apache access log in the Common Log Format family, read by position, not by a
/// configured format string (the configuration is rarely in the evidence):
/// <code>[vhost[:port] ]client ident user [dd/Mon/yyyy:HH:MM:SS ±zzzz] "request" status bytes[ "referer" "user-agent"[ "xff" …]]</code>
/// <c>common</c> stops after the bytes, <c>combined</c> adds referer and user agent, <c>vhost_combined</c>
/// (Debian's Apache default for other_vhosts_access.log) puts <c>%v:%p</c> first; nginx's widespread
/// <c>"$http_x_forwarded_for"</c> after the user agent is read as X-Forwarded-For.
/// The request is the one field a client fully controls: it may hold unescaped quotes (Apache before 2.0.46
/// and some nginx builds), so it ends at the quote followed by a status and a byte count, not at the first quote.
/// Quoted fields are unescaped for <c>\"</c>, <c>\\</c> and <c>\xHH</c> of printable characters; other
/// <c>\xHH</c> (TLS handshakes sent to a plain-HTTP port, control bytes) stay escaped.
/// </summary>
public sealed class AccessLine
{
    public string? Vhost { get; private init; }
    public string? VhostPort { get; private init; }
    public required string Client { get; init; }
    public string? User { get; private init; }
    public required long Ticks { get; init; }
    /// <summary>The request line unescaped, <c>-</c> when the client sent none.</summary>
    public required string Request { get; init; }
    public required string Status { get; init; }
    public string? Bytes { get; private init; }
    public string? Referer { get; private init; }
    public string? UserAgent { get; private init; }
    public string? ForwardedFor { get; private init; }
    public string? Extra { get; private init; }
    public required string Format { get; init; }

    /// <summary>A quick shape check for sniffing: the bracketed time and a quoted request after it.</summary>
    public static bool LooksLikeAccessLine(string line) => TryRead(line, out _) is not null;

    /// <summary>The line read, or null with <paramref name="problem"/> saying what did not fit.</summary>
    public static AccessLine? TryRead(string line, out string? problem)
    {
        problem = null;
        var open = line.IndexOf(" [", StringComparison.Ordinal);
        if (open <= 0 || open > 1024) { problem = "no [time] field after the client"; return null; }
        var close = open + 29; // just after the "]"
        if (close >= line.Length || line[close - 1] != ']') { problem = "time field is not [dd/Mon/yyyy:HH:MM:SS ±zzzz]"; return null; }
        var ticks = AccessTimestamp.TryParse(line.AsSpan(open + 2, 26));
        if (ticks is null) { problem = "time field is not a valid [dd/Mon/yyyy:HH:MM:SS ±zzzz]"; return null; }

        // Before the time: client ident user, with the virtual host first in vhost_combined.
        var head = line.AsSpan(0, open);
        Span<Range> parts = stackalloc Range[6];
        var n = head.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (n is not (3 or 4)) { problem = "expected 'client ident user' (or 'vhost:port client ident user') before the time"; return null; }
        string? vhost = null, vhostPort = null;
        var first = 0;
        if (n == 4)
        {
            var v = head[parts[0]];
            var colon = v.LastIndexOf(':');
            if (colon > 0 && colon < v.Length - 1 && IsDigits(v[(colon + 1)..])) { vhost = v[..colon].ToString(); vhostPort = v[(colon + 1)..].ToString(); }
            else vhost = v.ToString();
            first = 1;
        }
        var client = head[parts[first]].ToString();
        var user = head[parts[first + 2]] is var u && u is "-" ? null : Unescape(u);

        // The request: from the quote after the time to the quote that is followed by ' status bytes'.
        var pos = close;
        if (pos + 1 >= line.Length || line[pos] != ' ' || line[pos + 1] != '"') { problem = "no quoted request after the time"; return null; }
        var requestStart = pos + 2;
        var requestEnd = -1;
        int statusStart = 0, statusEnd = 0, bytesEnd = 0;
        for (var i = line.IndexOf('"', requestStart); i >= 0; i = line.IndexOf('"', i + 1))
        {
            if (i > requestStart && line[i - 1] == '\\' && !EscapedBackslash(line, i - 1)) continue;
            if (TryStatusAndBytes(line, i + 1, out statusStart, out statusEnd, out bytesEnd)) { requestEnd = i; break; }
        }
        if (requestEnd < 0) { problem = "no 'status bytes' after the quoted request"; return null; }
        var status = line[statusStart..statusEnd];
        var bytes = line[(statusEnd + 1)..bytesEnd];

        // After the bytes: quoted fields (referer, user agent, X-Forwarded-For …).
        var quoted = new List<string>(3);
        var rest = bytesEnd;
        string? extra = null;
        while (rest < line.Length)
        {
            while (rest < line.Length && line[rest] == ' ') rest++;
            if (rest >= line.Length) break;
            if (line[rest] != '"' || quoted.Count >= 8) { extra = line[rest..]; break; }
            var end = QuotedEnd(line, rest + 1);
            quoted.Add(Unescape(line.AsSpan(rest + 1, end - rest - 1)));
            rest = Math.Min(line.Length, end + 1);
        }
        string? referer = null, agent = null, xff = null;
        if (quoted.Count >= 2) { referer = quoted[0]; agent = quoted[1]; }
        else if (quoted.Count == 1) extra = "\"" + quoted[0] + "\"" + (extra is null ? "" : " " + extra);
        if (quoted.Count >= 3) xff = quoted[2];
        if (quoted.Count >= 4) extra = string.Join(' ', quoted.Skip(3).Select(q => "\"" + q + "\"")) + (extra is null ? "" : " " + extra);
        var format = (vhost is null ? "" : "vhost_") + (quoted.Count >= 2 ? "combined" : "common");
        return new AccessLine
        {
            Vhost = vhost,
            VhostPort = vhostPort,
            Client = client,
            User = user,
            Ticks = ticks.Value,
            Request = Unescape(line.AsSpan(requestStart, requestEnd - requestStart)),
            Status = status,
            Bytes = bytes == "-" ? null : bytes,
            Referer = referer is "-" ? null : referer,
            UserAgent = agent is "-" ? null : agent,
            ForwardedFor = xff is "-" ? null : xff,
            Extra = extra,
            Format = format,
        };
    }

    /// <summary>At <paramref name="at"/>: <c> 123 456</c> or <c> 123 -</c>, then the end of the line or a space.</summary>
    private static bool TryStatusAndBytes(string line, int at, out int statusStart, out int statusEnd, out int bytesEnd)
    {
        statusStart = statusEnd = bytesEnd = 0;
        if (at + 5 > line.Length || line[at] != ' ') return false;
        statusStart = at + 1;
        statusEnd = statusStart;
        while (statusEnd < line.Length && char.IsAsciiDigit(line[statusEnd])) statusEnd++;
        if (statusEnd - statusStart != 3 || statusEnd >= line.Length || line[statusEnd] != ' ') return false;
        var b = statusEnd + 1;
        if (b < line.Length && line[b] == '-') bytesEnd = b + 1;
        else
        {
            bytesEnd = b;
            while (bytesEnd < line.Length && char.IsAsciiDigit(line[bytesEnd])) bytesEnd++;
            if (bytesEnd == b || bytesEnd - b > 20) return false;
        }
        return bytesEnd == line.Length || line[bytesEnd] == ' ';
    }

    /// <summary>The index of the quote closing a field opened before <paramref name="from"/>: one followed by the end or by ' "'; the end of the line when none.</summary>
    private static int QuotedEnd(string line, int from)
    {
        var last = -1;
        for (var i = line.IndexOf('"', from); i >= 0; i = line.IndexOf('"', i + 1))
        {
            if (line[i - 1] == '\\' && !EscapedBackslash(line, i - 1)) continue;
            if (i + 1 == line.Length || (i + 2 < line.Length && line[i + 1] == ' ' && line[i + 2] == '"')) return i;
            last = i;
        }
        return last >= 0 && line.AsSpan(last + 1).Trim().IsEmpty ? last : line.Length;
    }

    /// <summary>Whether the backslash at <paramref name="at"/> is itself escaped (an odd run of backslashes before it).</summary>
    private static bool EscapedBackslash(string line, int at)
    {
        var run = 0;
        for (var i = at - 1; i >= 0 && line[i] == '\\'; i--) run++;
        return run % 2 == 1;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length is > 0 and <= 5;
    }

    /// <summary><c>\"</c> → <c>"</c>, <c>\\</c> → <c>\</c>, <c>\xHH</c> of a printable ASCII character → it; everything else as logged.</summary>
    public static string Unescape(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('\\') < 0) return s.ToString();
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                var next = s[i + 1];
                if (next is '"' or '\\') { sb.Append(next); i++; continue; }
                if (next == 'x' && i + 3 < s.Length && Hex(s[i + 2]) is var hi and >= 0 && Hex(s[i + 3]) is var lo and >= 0)
                {
                    var v = hi * 16 + lo;
                    if (v is >= 0x20 and < 0x7F) { sb.Append((char)v); i += 3; continue; }
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static int Hex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
