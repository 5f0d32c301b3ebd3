using Timeline.Core.Output;
using Timeline.Detection.Chain;
using Xunit;

namespace Timeline.Tests.Output;

/// <summary>One set of hidden characters for terminal, Markdown and HTML: what the HTML report hides, the others hide too.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("zero\u200Bwidth", "zero\\u{200B}width")]
    [InlineData("soft\u00ADhyphen", "soft\\u{00AD}hyphen")]
    [InlineData("line\u2028sep", "line\\u{2028}sep")]
    [InlineData("word\u2060joiner", "word\\u{2060}joiner")]
    [InlineData("\uFEFFbom", "\\u{FEFF}bom")]
    [InlineData("rtl\u202Eevil", "rtl\\u{202E}evil")]
    [InlineData("esc\u001B(0", "esc\\u{001B}(0")]
    [InlineData("plain text é ü 中", "plain text é ü 中")]
    public void TerminalAndMarkdownShowWhatTheHtmlReportShows(string input, string shown)
    {
        Assert.Equal(shown, VisibleText.Show(input));
        Assert.Equal(shown, ChainMarkdown.Text(input));
    }
}
