using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Web.Access;

/// <summary>
/// The first line of an HTTP request as logged (<c>%r</c>, <c>$request</c>): <c>METHOD target HTTP/x.y</c>,
/// or <c>METHOD target</c> (HTTP/0.9). Anything else — <c>-</c> when the client closed before sending,
/// TLS handshake bytes sent to a plain-HTTP port, scanner garbage — is kept whole as <c>request</c>
/// with no method, so it never passes for a request to a path.
/// </summary>
public static class RequestLine
{
    public static void Set(FieldSet fields, string request)
    {
        var firstSpace = request.IndexOf(' ');
        if (firstSpace <= 0 || !IsMethod(request.AsSpan(0, firstSpace)))
        {
            if (request != "-") fields.Set(WebFieldNames.Request, request);
            return;
        }
        var lastSpace = request.LastIndexOf(' ');
        string target;
        string? protocol = null;
        if (lastSpace > firstSpace && request.AsSpan(lastSpace + 1).StartsWith("HTTP/", StringComparison.Ordinal))
        {
            target = request[(firstSpace + 1)..lastSpace];
            protocol = request[(lastSpace + 1)..];
        }
        else target = request[(firstSpace + 1)..];
        if (target.Length == 0)
        {
            fields.Set(WebFieldNames.Request, request);
            return;
        }
        fields.Set(WebFieldNames.Method, request[..firstSpace]);
        fields.Set(WebFieldNames.Protocol, protocol);
        RequestFields.SetTarget(fields, target);
    }

    /// <summary>An HTTP method token: 1–24 upper-case letters, digits, '-' or '_' (GET, PROPFIND, M-SEARCH, VERSION_CONTROL).</summary>
    private static bool IsMethod(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 24 || !char.IsAsciiLetterUpper(s[0])) return false;
        foreach (var c in s) if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_')) return false;
        return true;
    }
}
