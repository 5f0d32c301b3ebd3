using System.Text;
using Microsoft.AspNetCore.Http;
using Timeline.Web.Assets;

namespace Timeline.Web;

/// <summary>
/// The page, script and style sheet, compiled into the assembly as text (Assets/*.cs hold them as
/// raw string literals, so no build step, no CDN and no resource wiring are needed).
/// </summary>
public static class EmbeddedAssets
{
    private static readonly Dictionary<string, (string Type, byte[] Body)> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = ("text/html; charset=utf-8", Encoding.UTF8.GetBytes(IndexPage.Html)),
        ["app.js"] = ("text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(AppScript.Js)),
        ["app.css"] = ("text/css; charset=utf-8", Encoding.UTF8.GetBytes(AppStyle.Css)),
    };

    public static IEnumerable<string> Names => Files.Keys;

    public static IResult Serve(string name) => Results.Bytes(Files[name].Body, Files[name].Type);
}
