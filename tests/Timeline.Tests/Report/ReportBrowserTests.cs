using System.Text.Json.Nodes;
using Timeline.Core.Store;
using Timeline.Report;
using Timeline.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace Timeline.Tests.Report;

/// <summary>
/// The HTML report in a real browser: for every scenario under <c>sample-logs/scenarios/</c> and for
/// the hostile sample (with findings whose every string is a payload), render the report, open it
/// in headless Chromium, take a screenshot and check that nothing was fetched, nothing failed,
/// no injected script ran and no markup was injected (no CSP violation), and that the story and
/// charts are on screen. Under CI=true a missing Chromium fails; locally the test returns early.
/// Screenshots go to $TIMELINE_SCREENSHOTS or the temp folder.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    private const string Probe = """
        (() => {
          const visible = el => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none';
          const charts = [...document.querySelectorAll('figure.chart img')];
          return {
            pwned: typeof window.__pwned,
            csp: window.__csp || [],
            scriptRan: document.documentElement.classList.contains('js'),
            story: visible(document.getElementById('story')),
            storyText: (document.getElementById('story') || {}).innerText || '',
            charts: charts.length,
            chartsShown: charts.filter(i => i.complete && i.naturalWidth > 0 && visible(i)).length,
            rows: document.querySelectorAll('#event-rows tr').length,
            scripts: [...document.scripts].filter(s => s.type !== 'application/json').length,
            dataBlocks: [...document.scripts].filter(s => s.type === 'application/json').length,
            injected: document.querySelectorAll('img:not(figure.chart img), svg, iframe, object, embed, a[href^="javascript"], [onerror], [onload]').length
          };
        })()
        """;

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in ReportCases.Scenarios()) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioReportOpensOfflineWithStoryAndCharts(string scenario)
    {
        var casePath = ReportCases.Ingest(ReportCases.Scenario(scenario));
        var result = OpenInBrowser(casePath, scenario);
        if (result is null) return;
        Assert.True(result["chartsShown"]!.GetValue<int>() >= 2, "the activity and failed-login charts should be drawn");
    }

    [Fact]
    public void HostileReportRunsNoInjectedScriptAndFetchesNothing()
    {
        var casePath = ReportCases.HostileWithFindings();
        var result = OpenInBrowser(casePath, "hostile");
        if (result is null) return;
        Assert.True(result["rows"]!.GetValue<int>() > 0, "the event table should list the hostile events");
        Assert.Contains("window.__pwned=1", result["storyText"]!.GetValue<string>());
        Assert.Contains("\\u{202E}", result["storyText"]!.GetValue<string>());
        Assert.True(result["chartsShown"]!.GetValue<int>() >= 5, "swimlanes, lateral, activity, failed logins and host charts should be drawn");
    }

    private JsonObject? OpenInBrowser(string casePath, string name)
    {
        var binary = HeadlessChromium.FindBinary();
        if (binary is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail("Chromium is not installed (CI installs the Debian packages chromium and fonts-dejavu-core).");
            output.WriteLine("Chromium not found; browser check not run.");
            return null;
        }
        var html = Path.Combine(Path.GetDirectoryName(casePath)!, "report.html");
        using (var store = CaseStores.OpenForRead(casePath))
        using (var file = File.Create(html))
            ReportFormats.Find("html")!.Write(store, file, ReportOptions.Default);

        using var browser = HeadlessChromium.Start(binary);
        browser.Open(html);
        var result = browser.Evaluate(Probe)!.AsObject();
        var shot = browser.Screenshot();
        var folder = Environment.GetEnvironmentVariable("TIMELINE_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "timeline-report-screenshots");
        Directory.CreateDirectory(folder);
        var png = Path.Combine(folder, name + ".png");
        File.WriteAllBytes(png, shot);
        output.WriteLine($"screenshot: {png}");
        output.WriteLine(result.ToJsonString());

        Assert.True(shot.Length > 10_000 && shot.AsSpan(1, 3).SequenceEqual("PNG"u8), "the screenshot should be a real PNG");
        var fetched = browser.Requests.Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(fetched.Count == 0, "network requests: " + string.Join(", ", fetched));
        Assert.True(browser.Errors.IsEmpty, "console errors: " + string.Join(" | ", browser.Errors));
        Assert.Equal("undefined", result["pwned"]!.GetValue<string>());
        Assert.True(result["csp"]!.AsArray().Count == 0, "CSP violations (injected markup reached the page, or the report's own hashes are wrong): " + result["csp"]!.ToJsonString());
        Assert.True(result["scriptRan"]!.GetValue<bool>(), "the report's own script should run under its CSP");
        Assert.Equal(1, result["scripts"]!.GetValue<int>());
        Assert.True(result["dataBlocks"]!.GetValue<int>() <= 1, "only the event table's data block may be a JSON script");
        Assert.Equal(0, result["injected"]!.GetValue<int>());
        Assert.True(result["story"]!.GetValue<bool>(), "the story section should be visible");
        return result;
    }
}
