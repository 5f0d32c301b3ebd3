using Timeline.Tests.Query;
using Xunit;

namespace Timeline.Tests.Web;

/// <summary>
/// End to end in headless Chromium: the served page runs a query, a pivot narrows it, the chain
/// view shows the case's chain, and evidence markup stays text.
/// </summary>
public sealed class BrowserTests
{
    private const string Rows = "return document.querySelectorAll('#results tbody tr').length";

    [Fact]
    public void AQueryThenAPivotOnTheSourceAddressNarrowsTheResults()
    {
        if (Chromium.Find() is not var (browser, driver)) return;
        using var served = new ServedCase(ScenarioCase.Path);
        using var web = new WebDriverSession(browser, driver);
        web.Navigate(served.Address);
        web.WaitFor(Rows + " === 200", "the first page of every event");
        web.WaitFor("return document.getElementById('chains').textContent.includes('root logged in with a password')", "the chain view");

        web.Type("#q", "event:ssh_accepted");
        web.Click("#run");
        web.WaitFor(Rows + " === 3", "three accepted logins");
        web.WaitFor("return document.querySelectorAll('#histogram rect.bar').length > 0", "the histogram");

        web.Click("#results tbody .pivot[data-field='src_ip'][data-value='203.0.113.45']");
        web.WaitFor(Rows + " === 1", "the pivot to one login");
        Assert.Equal("event:ssh_accepted AND src_ip:\"203.0.113.45\"", web.Script("return document.getElementById('q').value")!.GetValue<string>());
        var message = web.Script("return document.querySelector('#results tbody tr td.message').textContent")!.GetValue<string>();
        Assert.Contains("Accepted password for root from 203.0.113.45", message);

        web.Click("#results tbody tr");
        web.WaitFor("return document.getElementById('details').textContent.includes('SSH login after brute force')", "the event details with its rule");

        web.Type("#q", "hots:web01");
        web.Click("#run");
        web.WaitFor("return document.getElementById('status').textContent.includes('did you mean host')", "the error with a suggestion");
    }

    [Fact]
    public void MarkupFromEvidenceIsShownAsTextAndNeverRuns()
    {
        if (Chromium.Find() is not var (browser, driver)) return;
        using var served = new ServedCase(HostileCase.Path);
        using var web = new WebDriverSession(browser, driver);
        web.Navigate(served.Address);
        web.WaitFor(Rows + " === 2", "both hostile events");
        web.Click("#results tbody tr");
        web.WaitFor("return document.getElementById('details').textContent.length > 0", "the details");
        Assert.Equal(0, web.Script("return document.querySelectorAll('#results img, #results script, #details img, #details script').length")!.GetValue<int>());
        Assert.Equal("Timeline", web.Script("return document.title")!.GetValue<string>());
        var text = web.Script("return document.getElementById('results').textContent")!.GetValue<string>();
        Assert.Contains(HostileCase.Markup, text);
    }
}
