using Timeline.Core.Output;
using Timeline.Cli.Output;
using Xunit;

namespace Timeline.Tests.Cli;

public sealed class TerminalAndCsvTextTests
{
    [Theory]
    [InlineData("root", "root")]
    [InlineData("\u001b[31mred\u001b[0m", "\\u{001B}[31mred\\u{001B}[0m")]
    [InlineData("evil\rok", "evil\\u{000D}ok")]
    [InlineData("abc\u202Etxt.exe", "abc\\u{202E}txt.exe")]
    [InlineData("tab\there", "tab\\u{0009}here")]
    [InlineData("\u009b2J", "\\u{009B}2J")]
    public void TerminalTextShowsControlAndBidiCharactersInsteadOfObeyingThem(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Safe(input));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void CsvCellsAreQuotedAndCannotRunAsFormulas(string input, string expected) =>
        Assert.Equal(expected, CsvText.Cell(input));
}
