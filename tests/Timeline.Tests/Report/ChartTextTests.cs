using SkiaSharp;
using Timeline.Report.Charts;
using Xunit;

namespace Timeline.Tests.Report;

/// <summary>
/// ScottPlot silently draws no text when its font is missing. These tests fail unless the font the
/// charts name (DejaVu Sans, Debian package fonts-dejavu-core) is installed and text really lands
/// on the pixels.
/// </summary>
public sealed class ChartTextTests
{
    [Fact]
    public void TheChartFontIsInstalled()
    {
        using var typeface = SKFontManager.Default.MatchFamily(ChartStyle.FontName);
        Assert.True(typeface is not null && typeface.FamilyName == ChartStyle.FontName,
            $"font '{ChartStyle.FontName}' not found: install the Debian package fonts-dejavu-core");
    }

    [Fact]
    public void ChartTextIsDrawn()
    {
        var withText = DarkPixels("Failed logins per source address");
        var without = DarkPixels("");
        Assert.True(withText > without + 200, $"a title should darken pixels: {withText} with text, {without} without");
    }

    [Fact]
    public void ChartSvgNamesTheFontAndEscapesEvidenceLabels()
    {
        var plot = ChartStyle.NewPlot();
        plot.Title(ChartStyle.Label("<svg/onload=window.__pwned=1>"));
        var svg = plot.GetSvgXml(400, 200);
        Assert.Contains("DejaVu Sans", svg);
        Assert.Contains("&lt;svg/onload=window.__pwned=1&gt;", svg);
        Assert.DoesNotContain("<svg/onload", svg);
    }

    private static int DarkPixels(string title)
    {
        var plot = ChartStyle.NewPlot();
        plot.HideAxesAndGrid();
        plot.Title(title);
        var png = plot.GetImage(600, 120).GetImageBytes(ScottPlot.ImageFormat.Png, 100);
        using var bitmap = SKBitmap.Decode(png);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red + p.Green + p.Blue < 300) dark++;
            }
        return dark;
    }
}
