namespace Timeline.Core.Vocabulary;

/// <summary>
/// Field names of web-server request events (<c>web/access</c>, <c>web/iis</c>). The client, user and
/// path reuse <see cref="FieldNames.SrcIp"/>, <see cref="FieldNames.User"/> and <see cref="FieldNames.Path"/>.
/// Values are as logged (the server's own <c>\xHH</c> escapes kept for bytes that are not printable);
/// the <c>*_decoded</c> copies are percent-decoded once, for matching.
/// </summary>
public static class WebFieldNames
{
    public const string Method = "method";
    /// <summary>The request target as sent: path and query (<c>/index.php?s=…</c>).</summary>
    public const string Uri = "uri";
    /// <summary>The query string without its <c>?</c>.</summary>
    public const string Query = "query";
    public const string Protocol = "protocol";
    public const string Status = "status";
    /// <summary>Response body bytes; absent when the server logged <c>-</c>.</summary>
    public const string Bytes = "bytes";
    public const string Referer = "referer";
    public const string UserAgent = "user_agent";
    /// <summary>The virtual host (Apache <c>vhost_combined</c>'s <c>%v</c>, IIS <c>cs-host</c>/<c>s-sitename</c>).</summary>
    public const string Vhost = "vhost";
    public const string VhostPort = "vhost_port";
    /// <summary>X-Forwarded-For as logged after the user agent (nginx's common <c>"$http_x_forwarded_for"</c>).</summary>
    public const string ForwardedFor = "xff";
    /// <summary>The whole request line, kept only when it is not <c>METHOD target PROTOCOL</c> (TLS bytes, scanner garbage).</summary>
    public const string Request = "request";
    public const string UriDecoded = "uri_decoded";
    public const string PathDecoded = "path_decoded";
    public const string QueryDecoded = "query_decoded";
    /// <summary><c>yes</c> when percent-decoding changed the URI: the marker of the decoded Sigma view.</summary>
    public const string PercentEncoded = "percent_encoded";
    /// <summary>The access-log layout recognised: <c>combined</c>, <c>common</c>, <c>vhost_combined</c>, <c>vhost_common</c>.</summary>
    public const string LogFormat = "log_format";
    /// <summary>Quoted fields after the user agent besides X-Forwarded-For, as logged.</summary>
    public const string Extra = "extra";
    public const string ServerIp = "server_ip";
    public const string ServerPort = "server_port";
    public const string TimeTaken = "time_taken";
}
