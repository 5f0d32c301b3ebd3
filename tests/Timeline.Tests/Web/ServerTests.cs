using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Tests.Query;
using Timeline.Tests.Support;
using Timeline.Web;
using Xunit;

namespace Timeline.Tests.Web;

/// <summary>The web view's HTTP surface: loopback only, strict headers, JSON errors with positions, encoded evidence.</summary>
public sealed class ServerTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task ItListensOnLoopbackAndSendsAStrictContentSecurityPolicy()
    {
        using var served = new ServedCase(ScenarioCase.Path);
        Assert.StartsWith("http://127.0.0.1:", served.Address);
        foreach (var path in new[] { "", "app.js", "app.css", "api/info" })
        {
            using var r = await Http.GetAsync(served.Address + path);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(LocalOnlyHeaders.ContentSecurityPolicy, r.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("script-src 'self'", LocalOnlyHeaders.ContentSecurityPolicy);
            Assert.DoesNotContain("unsafe-inline", LocalOnlyHeaders.ContentSecurityPolicy);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        }
        var page = await Http.GetStringAsync(served.Address);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public async Task RequestsForAnotherHostNameAreRefused()
    {
        using var served = new ServedCase(ScenarioCase.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, served.Address + "api/info");
        request.Headers.Host = "evil.example";
        using var r = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, r.StatusCode);
    }

    [Fact]
    public async Task AQueryErrorIsJsonWithTheProblemAndItsPosition()
    {
        using var served = new ServedCase(ScenarioCase.Path);
        using var r = await Http.GetAsync(served.Address + "api/search?q=" + Uri.EscapeDataString("event:ssh_accepted AND hots:web01"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("did you mean host", body.GetProperty("error").GetString());
        Assert.Equal(23, body.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task SearchReturnsContractEventsWithFindingsAndThePlan()
    {
        using var served = new ServedCase(ScenarioCase.Path);
        var body = JsonDocument.Parse(await Http.GetStringAsync(served.Address + "api/search?q=" + Uri.EscapeDataString("phase:entry"))).RootElement;
        var e = Assert.Single(body.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal(ScenarioCase.AcceptedRoot, e.GetProperty("id").GetString());
        Assert.Equal("entry", e.GetProperty("phase").GetString());
        Assert.Equal("rule-brute-success", e.GetProperty("rules")[0].GetProperty("id").GetString());
        Assert.True(body.GetProperty("plan").GetProperty("decoded").GetInt32() < body.GetProperty("plan").GetProperty("total").GetInt32());
        var histogram = JsonDocument.Parse(await Http.GetStringAsync(served.Address + "api/histogram?q=" + Uri.EscapeDataString("\"Failed password\""))).RootElement;
        Assert.Equal(35, histogram.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
        var chains = JsonDocument.Parse(await Http.GetStringAsync(served.Address + "api/chains")).RootElement;
        Assert.Equal("web01", chains.GetProperty("chains")[0].GetProperty("host").GetString());
    }

    [Fact]
    public async Task ChainsAreExactlyTheObjectsOfChainFormatJson()
    {
        using var served = new ServedCase(ScenarioCase.Path);
        var served_ = await Http.GetStringAsync(served.Address + "api/chains");
        var cli = CliRunner.Run(Path.GetDirectoryName(ScenarioCase.Path)!, "chain", "--case", ScenarioCase.Path, "--format", "json");
        Assert.Equal(0, cli.ExitCode);
        var fromApi = JsonNode.Parse(served_)!;
        var fromCli = JsonNode.Parse(cli.Stdout)!;
        Assert.True(JsonNode.DeepEquals(fromCli, fromApi), $"/api/chains differs from chain --format json:\n{served_}\n{cli.Stdout}");
        Assert.Equal(cli.Stdout.TrimEnd('\n'), served_);
        // Not vacuous: the chain is there, with the contract's spelling (ISO times, eventIds, ATT&CK ids from the step's rules).
        var step = fromApi["chains"]![0]!["steps"]![0]!;
        Assert.Equal("entry", (string?)step["phase"]);
        Assert.EndsWith("Z", (string?)step["time"]);
        Assert.Equal(ScenarioCase.AcceptedRoot, (string?)step["eventIds"]![0]);
        Assert.Equal("T1110", (string?)step["attack"]![0]);
    }

    [Fact]
    public async Task EvidenceMarkupIsEscapedInJson()
    {
        using var served = new ServedCase(HostileCase.Path);
        var text = await Http.GetStringAsync(served.Address + "api/search");
        Assert.DoesNotContain("<img", text);
        Assert.DoesNotContain("<script", text);
        var events = JsonDocument.Parse(text).RootElement.GetProperty("events");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains(HostileCase.Markup, StringComparison.Ordinal));
    }
}
