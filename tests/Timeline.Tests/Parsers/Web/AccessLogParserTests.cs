using System.IO.Compression;
using System.Text;
using Timeline.Core.Vocabulary;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Web;

/// <summary>web/access beyond its goldens: rotated .gz files, hostile lines, detection by content.</summary>
public sealed class AccessLogParserTests
{
    private static readonly string Written = Path.Combine(RepoPaths.SampleLogs, "web/access/written-nginx-apache.log");

    [Fact]
    public void ARotatedGzipFileIsDetectedAndReadLikeThePlainOne()
    {
        var path = Path.Combine(Some.TempDir(), "access.log.2.gz");
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.Optimal))
            gz.Write(File.ReadAllBytes(Written));
        var plain = ParserHarness.ParseFile(Written);
        var rotated = ParserHarness.ParseFile(path);
        Assert.Equal(ParserNames.WebAccess, rotated.Parser?.Name);
        Assert.Equal(plain.Events.Select(e => e.Message), rotated.Events.Select(e => e.Message));
        Assert.Equal(plain.Events.Select(e => e.Ticks), rotated.Events.Select(e => e.Ticks));
    }

    [Fact]
    public void HostileLinesNeverThrowAndAreWarnedWithTheirLine()
    {
        var good = "203.0.113.7 - - [02/Mar/2026:03:10:01 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"-\"";
        var huge = "203.0.113.7 - - [02/Mar/2026:03:10:02 +0000] \"GET /" + new string('A', 200_000) + " HTTP/1.1\" 200 615 \"-\" \"-\"";
        var text = string.Join('\n',
            good,
            "203.0.113.7 - - [02/Mar/2026:03:10:01 +0000] \"GET /\0x HTTP/1.1\" 200 1",
            huge,
            "\"\"\"\" [ [ ] \\\\\\ \" 200",
            "203.0.113.7 - - [02/Mar/2026:03:10:01 +0000] \"GET / HTTP/1.1\" 2000 1",
            "203.0.113.7 - - [02/Mar/2026:03:10:01 +0000] \"GET / HTTP/1.1",
            "203.0.113.7 - - [02/Mar/2026:03:10:01 +0000] \"GET / HTTP/1.1\" 200 1 \"unterminated",
            good);
        var outcome = ParserHarness.ParseBytes(ParserHarness.Parser(ParserNames.WebAccess), Encoding.UTF8.GetBytes(text));
        Assert.Equal([1L, 2, 7, 8], outcome.Events.Select(e => e.Origin.Position));
        Assert.Contains("\\x00", outcome.Events[1].Fields.Get("uri"));
        Assert.Equal("\"unterminated\"", outcome.Events[2].Fields.Get("extra"));
        // The 200 KB line is cut by the reader (a warning) and then is not a whole access line (a warning).
        foreach (var line in new long[] { 3, 4, 5, 6 })
            Assert.Contains(outcome.Warnings, w => w.Origin.Position == line);
    }

    [Fact]
    public void SyslogIsNotTakenForAnAccessLog()
    {
        var syslog = "Mar  2 03:10:01 web01 sshd[2211]: Accepted password for root from 203.0.113.45 port 40112 ssh2\n";
        Assert.Equal(0, ParserHarness.Parser(ParserNames.WebAccess).Sniff(new Timeline.Core.Ingest.SniffSample("x.log", Encoding.UTF8.GetBytes(syslog), [syslog.TrimEnd()])));
    }

    [Theory]
    [InlineData("%2e%2e%2fetc%2fpasswd", "../etc/passwd")]
    [InlineData("a+b%20c", "a b c")]
    [InlineData("%zz%4", null)]
    [InlineData("%00%0a", null)]
    [InlineData("%252e", "%2e")]
    [InlineData("%E2%82%AC%FF", "€\uFFFD")]
    public void PercentDecodingIsOnceBoundedAndKeepsInvalidEscapes(string query, string? decoded) =>
        Assert.Equal(decoded, Timeline.Parsers.Web.PercentDecoding.Decode(query, plusIsSpace: true));
}
