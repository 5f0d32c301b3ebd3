using Microsoft.AspNetCore.Http;

namespace Timeline.Web;

/// <summary>
/// Every response gets a strict Content-Security-Policy (scripts, styles and requests only from this
/// server; no inline script, no framing) and no-sniff/no-referrer headers. Requests whose Host header
/// is not the loopback address we listen on are refused, so a web page cannot reach the evidence
/// through DNS rebinding.
/// </summary>
public sealed class LocalOnlyHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost"))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync("timeline serve answers only on 127.0.0.1");
            return;
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        await next(context);
    }
}
