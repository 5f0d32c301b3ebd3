using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timeline.Tests.Report;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no extra package): open a
/// page, record its network requests, console errors, exceptions and CSP violations, evaluate
/// script, take a full-page screenshot. Started with the flags this closed network needs; the
/// process is killed (by its own id) on dispose.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeadlessChromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        _socket.ConnectAsync(endpoint, CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
        _reader = Task.Run(ReadLoop);
    }

    /// <summary>The browser binary: $CHROMIUM, else chromium / chromium-browser / google-chrome on PATH, else null.</summary>
    public static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    public static HeadlessChromium Start(string binary)
    {
        var profile = Path.Combine(Path.GetTempPath(), "timeline-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank",
        }) psi.ArgumentList.Add(arg);
        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited) throw new InvalidOperationException($"{binary} exited with code {process.ExitCode} before opening DevTools");
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium did not open its DevTools port in 60 s");
                Thread.Sleep(100);
            }
            var port = File.ReadAllLines(portFile)[0].Trim();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var targets = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").Result)!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            return new HeadlessChromium(process, profile, new Uri((string)page["webSocketDebuggerUrl"]!));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Records requests, errors and CSP violations from now on, then loads <paramref name="file"/> and waits for its load event.</summary>
    public void Open(string file, int width = 1280)
    {
        Send("Page.enable");
        Send("Runtime.enable");
        Send("Log.enable");
        Send("Network.enable");
        Send("Page.addScriptToEvaluateOnNewDocument", new JsonObject
        {
            ["source"] = "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });",
        });
        Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        Send("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri });
        if (!_loaded.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the page did not finish loading in 60 s");
    }

    /// <summary>Evaluates an expression in the page and returns its value (JSON-serialisable results only).</summary>
    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } ex) throw new InvalidOperationException("page script failed: " + ex.ToJsonString());
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the whole page (up to <paramref name="maxHeight"/> pixels tall).</summary>
    public byte[] Screenshot(int width = 1280, int maxHeight = 12_000)
    {
        var metrics = Send("Page.getLayoutMetrics");
        var height = (int)Math.Ceiling((double)(metrics["cssContentSize"]?["height"] ?? metrics["contentSize"]!["height"])!);
        height = Math.Clamp(height, 300, maxHeight);
        Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var shot = Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String((string)shot["data"]!);
    }

    private JsonObject Send(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
        if (!done.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException($"DevTools did not answer {method} in 60 s");
        var reply = done.Task.Result;
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"]?.AsObject() ?? new JsonObject();
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var got = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (got.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, got.Count);
                if (!got.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                Dispatch(node);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private void Dispatch(JsonObject node)
    {
        if (node["id"] is { } id)
        {
            if (_pending.TryRemove((int)id, out var waiter)) waiter.TrySetResult(node);
            return;
        }
        var p = node["params"];
        switch ((string?)node["method"])
        {
            case "Network.requestWillBeSent":
                Requests.Enqueue((string?)p?["request"]?["url"] ?? "?");
                break;
            case "Runtime.exceptionThrown":
                Errors.Enqueue("exception: " + p?["exceptionDetails"]?.ToJsonString());
                break;
            case "Runtime.consoleAPICalled" when Text(p?["type"]) is "error" or "assert":
                Errors.Enqueue("console." + Text(p?["type"]) + ": " + p?["args"]?.ToJsonString());
                break;
            case "Log.entryAdded" when Text(p?["entry"]?["level"]) == "error":
                Errors.Enqueue("log: " + Text(p?["entry"]?["text"]) + " " + Text(p?["entry"]?["url"]));
                break;
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    public void Dispose()
    {
        _stop.Cancel();
        try { _socket.Abort(); } catch (WebSocketException) { }
        _socket.Dispose();
        try { _reader.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
