using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Timeline.Core.Ingest;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Timeline.Web;
using Xunit;

namespace Timeline.Tests.Web;

/// <summary>Issue 11 item 5 (serve): a slow query is stopped at the request time limit and does not block a cheap request.</summary>
public sealed class ServeBoundsTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task SlowWorkIsStoppedAtTheTimeLimitAndDoesNotBlockCheapWork()
    {
        // A generous limit: the cheap work must finish well before it even when the whole suite loads the thread pool.
        var gate = new RequestGate(2, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        Assert.True(gate.TryEnter());
        var cancelled = false;
        var slow = gate.RunAsync(token =>
        {
            while (!token.IsCancellationRequested) Thread.Sleep(5);
            cancelled = true;
            return 0;
        });
        Assert.True(gate.TryEnter());
        var cheapClock = Stopwatch.StartNew();
        Assert.Equal(42, await gate.RunAsync(_ => 42));
        Assert.True(cheapClock.Elapsed < TimeSpan.FromMilliseconds(4500), $"cheap work waited {cheapClock.Elapsed} behind slow work");
        await Assert.ThrowsAsync<TimeoutException>(() => slow);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100 && !cancelled; i++) await Task.Delay(20);
        Assert.True(cancelled, "the slow work's token was cancelled");
    }

    [Fact]
    public async Task TheServerAnswersAQueryErrorAsJsonAndCheapRequestsConcurrently()
    {
        var dir = Some.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "ev"));
        File.WriteAllText(Path.Combine(dir, "ev", "a.log"), "T:\n1700000000 web01 root one\n");
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
            IngestStep.Run(store, [Path.Combine(dir, "ev")], new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        using var read = CaseStores.OpenForRead(casePath);
        var app = TimelineServer.Build(read, 0, TimeSpan.FromSeconds(5), concurrency: 4);
        await app.StartAsync();
        try
        {
            var address = TimelineServer.Address(app);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Http.GetAsync(address + "api/search?q=root")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var bad = await Http.GetAsync(address + "api/search?q=" + Uri.EscapeDataString("(("));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out _));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void TheGateRefusesBeyondItsConcurrency()
    {
        // A generous limit: the cheap work must finish well before it even when the whole suite loads the thread pool.
        var gate = new RequestGate(2, TimeSpan.FromSeconds(5));
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        gate.Leave();
        Assert.True(gate.TryEnter());
    }
}
