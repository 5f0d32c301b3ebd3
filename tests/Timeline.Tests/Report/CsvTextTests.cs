using Timeline.Report.Csv;
using Xunit;

namespace Timeline.Tests.Report;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    public void FormulaCellsAreNeutralised(string value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void AFormulaNeedingQuotesIsBothNeutralisedAndQuoted() =>
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvText.Cell("=HYPERLINK(\"http://x\",\"y\")"));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void CellsAreQuotedAsRfc4180Requires(string? value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void ACellStartingWithCarriageReturnIsNeutralisedAndQuoted() => Assert.Equal("\"'\r=1\"", CsvText.Cell("\r=1"));
}
