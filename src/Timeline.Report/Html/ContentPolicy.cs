using System.Security.Cryptography;
using System.Text;

namespace Timeline.Report.Html;

/// <summary>
/// The report's Content-Security-Policy (a <c>&lt;meta http-equiv&gt;</c>, since the file is opened
/// from disk): nothing may be loaded from anywhere (<c>default-src 'none'</c>), images only from
/// <c>data:</c> URIs (the embedded charts), and only the report's own style and script run, named by
/// their SHA-256 hashes — an injected <c>&lt;script&gt;</c>, event handler or <c>javascript:</c> URL
/// is refused by the browser even if encoding ever failed.
/// </summary>
internal static class ContentPolicy
{
    public static string Hash(string inlineContent) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineContent))) + "'";

    public static string For(string css, string js) =>
        $"default-src 'none'; img-src data:; style-src {Hash(css)}; script-src {Hash(js)}; base-uri 'none'; form-action 'none'; object-src 'none'";
}
