using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Core.Store;
using Timeline.Report;
using Timeline.Report.Exports;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Report;

public sealed partial class ReportWriterTests
{
    private static readonly Lazy<string> Hostile = new(ReportCases.HostileWithFindings);
    private static readonly Lazy<string> Scenario = new(() => ReportCases.Ingest(ReportCases.Scenario("ssh-bruteforce-cron-xmrig")));

    private static long EventCount(string casePath)
    {
        using var store = CaseStores.OpenForRead(casePath);
        return store.Events().LongCount();
    }

    [Fact]
    public void EveryFormatIsFoundByTheCatalog() =>
        Assert.Equal(["csv", "html", "jsonl", "timesketch"], ReportFormats.Names);

    [Fact]
    public void JsonLinesFollowTheEventContractWithRulesAndPhase()
    {
        var lines = ReportCases.Render(Hostile.Value, "jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(EventCount(Hostile.Value), lines.Length);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e => Assert.Equal(["id", "time", "timeQuality", "host", "parser", "message", "fields", "rules", "phase", "origin", "sortTime"], e.EnumerateObject().Select(p => p.Name).ToArray()));
        var matched = events.First(e => e.GetProperty("rules").GetArrayLength() > 0);
        var rule = matched.GetProperty("rules")[0];
        Assert.StartsWith("rule-", rule.GetProperty("id").GetString());
        Assert.Contains("</script>", rule.GetProperty("author").GetString());
        Assert.Contains(events, e => e.GetProperty("phase").ValueKind == JsonValueKind.String && e.GetProperty("phase").GetString() == "mining");
    }

    [Fact]
    public void CsvHasOneRfc4180RecordPerEventAndNoCellAStreadsheetWouldRun()
    {
        var csv = ReportCases.Render(Hostile.Value, "csv");
        var records = CsvRecords.Parse(csv);
        Assert.Equal(CsvReportWriter.Columns, records[0]);
        Assert.Equal(EventCount(Hostile.Value), records.Count - 1);
        Assert.All(records, r => Assert.Equal(CsvReportWriter.Columns.Count, r.Count));
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"cell starts with a formula character: {cell[..Math.Min(40, cell.Length)]}"));
        Assert.Contains(records, r => r[7].Contains("Hostile", StringComparison.Ordinal));
        Assert.Contains(records, r => r[8] == "entry");
        Assert.Contains(records, r => r[5].Contains("=cmd|", StringComparison.Ordinal));
    }

    [Fact]
    public void TimesketchLinesCarryTheMandatoryFieldsAndTags()
    {
        var lines = ReportCases.Render(Hostile.Value, "timesketch").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var e in events)
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("timestamp_desc").GetString()));
            var datetime = DateTimeOffset.Parse(e.GetProperty("datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, datetime.Offset);
            Assert.Equal(datetime.ToUnixTimeMilliseconds(), e.GetProperty("timestamp").GetInt64() / 1000);
            Assert.Equal(JsonValueKind.Array, e.GetProperty("tag").ValueKind);
        }
        var entry = events.First(e => e.TryGetProperty("phase", out var p) && p.GetString() == "entry");
        var tags = entry.GetProperty("tag").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("attack-chain", tags);
        Assert.Contains("phase:entry", tags);
        Assert.Contains("sigma:high", tags);
        Assert.Contains(events, e => e.GetProperty("timestamp_desc").GetString() == "Event time");
    }

    [Fact]
    public void TimesketchNeverLetsAnEventFieldOverwriteItsOwnKeys()
    {
        var e = Support.Some.Event(fields: [("message", "spoofed"), ("datetime", "1999-01-01T00:00:00Z"), ("user", "root")]);
        Assert.Contains("message", TimesketchReportWriter.ReservedKeys);
        Assert.Equal("Event time", TimesketchReportWriter.TimestampDescription(e));
        Assert.Equal("Timeline position (no time in the source)", TimesketchReportWriter.TimestampDescription(Support.Some.Event(ticks: null)));
    }

    [Fact]
    public void HostileHtmlCarriesNoMarkupFromTheEvidence()
    {
        var html = ReportCases.Render(Hostile.Value, "html");
        Assert.Equal(2, CountOf(html, "<script"));
        Assert.Equal(1, CountOf(html, "<script type=\"application/json\" id=\"event-data\">"));
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html);
        Assert.Contains("\\u{202E}", html);
        Assert.Empty(ExternalReference().Matches(html));
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal));
    }

    [Fact]
    public void HostileLiveStateIsShownAsEscapedText()
    {
        var html = ReportCases.Render(Hostile.Value, "html");
        var start = html.IndexOf("Running at collection", StringComparison.Ordinal);
        Assert.True(start > 0, "the live-state block is missing");
        var block = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        Assert.Contains(">4242<", block);
        Assert.Contains("398.5", block);
        Assert.Contains("/tmp/.x/kswapd0 --url &lt;svg onload=window.__pwned=1&gt;", block);
        Assert.Contains("&lt;img src=x onerror=window.__pwned=1&gt;", block);
        Assert.Contains("198.51.100.7:3333", block);
        Assert.Contains("named like &lt;b&gt;kswapd0&lt;/b&gt;", block);
        Assert.DoesNotContain("<svg", block, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", block, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", block, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", block, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlEventDataIsValidJsonThatKeepsEvidenceAsText()
    {
        var html = ReportCases.Render(Hostile.Value, "html");
        var start = html.IndexOf("id=\"event-data\">", StringComparison.Ordinal) + "id=\"event-data\">".Length;
        var json = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        var root = JsonDocument.Parse(json).RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        var message = Array.IndexOf(root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToArray(), "message");
        Assert.Contains(rows, r => r[message].GetString()!.Contains("Invalid user <script>window.__pwned=1</script> from", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlWithoutChainsSaysSoAndStillShowsEvidenceAndCharts()
    {
        var html = ReportCases.Render(Scenario.Value, "html");
        Assert.Contains("No attack chain has been built for this case yet", html);
        Assert.Contains("id=\"chart-activity\"", html);
        Assert.Contains("id=\"chart-failed-logins\"", html);
        Assert.Contains("98e642b88774cdad326c61234d91fd0deb34045dae6f2cb5b0a217377dc5ecd4", html);
        Assert.Contains("Where failed logins came from", html);
    }

    [Fact]
    public void HtmlTableIsCappedSoTheReportStaysSmall()
    {
        var html = ReportCases.Render(Hostile.Value, "html", new ReportOptions { MaxTableEvents = 3 });
        var start = html.IndexOf("id=\"event-data\">", StringComparison.Ordinal) + "id=\"event-data\">".Length;
        var json = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.Equal(3, JsonDocument.Parse(json).RootElement.GetProperty("rows").GetArrayLength());
        Assert.Contains("the first 3 are listed", html);
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.OrdinalIgnoreCase)) n++;
        return n;
    }

    /// <summary>Any src/href/url() that is not an in-page anchor or a data: URI would be a network load.</summary>
    [GeneratedRegex("""(?:src|href|action)\s*=\s*"(?!data:|#)|url\(""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
