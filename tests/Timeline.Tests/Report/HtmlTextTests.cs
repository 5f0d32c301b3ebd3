using System.Text.Json;
using Timeline.Report.Html;
using Xunit;

namespace Timeline.Tests.Report;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("it's & done", "it&#39;s &amp; done")]
    [InlineData("plain text 203.0.113.45", "plain text 203.0.113.45")]
    public void TextEncodesMarkupCharacters(string evidence, string expected) => Assert.Equal(expected, HtmlText.Text(evidence));

    [Fact]
    public void AttributeValuesCannotCloseTheirQuotes()
    {
        var encoded = HtmlText.Attribute("x\" onmouseover=\"alert(1)");
        Assert.DoesNotContain('"', encoded);
        Assert.DoesNotContain('<', encoded);
    }

    [Theory]
    [InlineData("admin\u202Egnp.exe", "admin\\u{202E}gnp.exe")]
    [InlineData("\u001b[31mred\u001b[0m", "\\u{001B}[31mred\\u{001B}[0m")]
    [InlineData("a\u2028b\u2029c", "a\\u{2028}b\\u{2029}c")]
    [InlineData("zero\u200Bwidth\u2066isolate", "zero\\u{200B}width\\u{2066}isolate")]
    [InlineData("bell\u0007 del\u007F c1\u009B", "bell\\u{0007} del\\u{007F} c1\\u{009B}")]
    public void ShownMakesControlAndBidiCharactersVisible(string evidence, string expected) => Assert.Equal(expected, HtmlText.Shown(evidence));

    [Fact]
    public void ShownCutsLongValuesAndSaysHowMuchWasLeftOut()
    {
        var shown = HtmlText.Shown(new string('A', 100_000), 1_000);
        Assert.StartsWith(new string('A', 1_000) + " … [", shown);
        Assert.Contains("99,000 more characters", shown);
    }

    [Fact]
    public void ShownNeverSplitsASurrogatePairAndReplacesLoneSurrogates()
    {
        var shown = HtmlText.Shown("ab\U0001F600cd", 3);
        Assert.StartsWith("ab …", shown);
        Assert.Equal("x\uFFFDy", HtmlText.Shown("x\uD800y"));
        Assert.Equal("x\U0001F600y", HtmlText.Shown("x\U0001F600y"));
    }

    [Fact]
    public void ScriptDataCannotEndTheScriptBlockAndStillMeansTheSame()
    {
        var value = "</script><script>window.__pwned=1</script><!-- & \u2028\u2029";
        var json = JsonSerializer.Serialize(new { v = value }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var safe = HtmlText.ScriptData(json);
        Assert.DoesNotContain("<", safe);
        Assert.DoesNotContain(">", safe);
        Assert.DoesNotContain("&", safe);
        Assert.DoesNotContain("\u2028", safe);
        Assert.DoesNotContain("\u2029", safe);
        Assert.Equal(value, JsonDocument.Parse(safe).RootElement.GetProperty("v").GetString());
    }

    [Fact]
    public void ContentPolicyForbidsExternalLoadsAndNamesTheInlineCodeByHash()
    {
        var policy = ContentPolicy.For("body{}", "void 0;");
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("img-src data:", policy);
        Assert.Contains("script-src 'sha256-", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("http", policy);
        Assert.Equal("'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("void 0;"u8)) + "'", ContentPolicy.Hash("void 0;"));
    }
}
