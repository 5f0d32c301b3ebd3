using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timeline.Tests.Web;

/// <summary>
/// A minimal W3C WebDriver client over HttpClient: starts chromedriver on a free loopback port and
/// one headless Chromium session with a fresh profile and the flags for a closed network.
/// </summary>
public sealed class WebDriverSession : IDisposable
{
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";
    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _profile;
    private readonly string _session;

    public WebDriverSession(string browser, string driver)
    {
        var port = FreePort();
        _profile = Path.Combine(Path.GetTempPath(), "timeline-tests", "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_profile);
        var psi = new ProcessStartInfo(driver) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add($"--port={port}");
        _driver = Process.Start(psi)!;
        _driver.OutputDataReceived += (_, _) => { };
        _driver.ErrorDataReceived += (_, _) => { };
        _driver.BeginOutputReadLine();
        _driver.BeginErrorReadLine();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        WaitUntilReady();
        string[] args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000", $"--user-data-dir={_profile}"];
        var caps = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["alwaysMatch"] = new JsonObject
                {
                    ["browserName"] = "chrome",
                    ["goog:chromeOptions"] = new JsonObject { ["binary"] = browser, ["args"] = new JsonArray(args.Select(a => (JsonNode)a!).ToArray()) },
                },
            },
        };
        _session = Send(HttpMethod.Post, "session", caps)["sessionId"]!.GetValue<string>();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private void WaitUntilReady()
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (_http.GetAsync("status").Result.IsSuccessStatusCode) return;
            }
            catch (AggregateException)
            {
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("chromedriver did not start");
    }

    private JsonNode Send(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null || method == HttpMethod.Post) request.Content = new StringContent((body ?? new JsonObject()).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = _http.Send(request);
        var text = response.Content.ReadAsStringAsync().Result;
        var json = JsonNode.Parse(text)!;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"WebDriver {method} {path}: {(int)response.StatusCode} {text}");
        return json["value"] ?? json;
    }

    private string S(string path) => $"session/{_session}/{path}";

    public void Navigate(string url) => Send(HttpMethod.Post, S("url"), new JsonObject { ["url"] = url });

    public string Find(string css) =>
        Send(HttpMethod.Post, S("element"), new JsonObject { ["using"] = "css selector", ["value"] = css })[ElementKey]!.GetValue<string>();

    public void Click(string css) => Send(HttpMethod.Post, S($"element/{Find(css)}/click"));

    public void Type(string css, string text)
    {
        var id = Find(css);
        Send(HttpMethod.Post, S($"element/{id}/clear"));
        Send(HttpMethod.Post, S($"element/{id}/value"), new JsonObject { ["text"] = text });
    }

    /// <summary>Runs a script in the page and returns its JSON result.</summary>
    public JsonNode? Script(string script, params string[] args) =>
        Send(HttpMethod.Post, S("execute/sync"), new JsonObject { ["script"] = script, ["args"] = new JsonArray(args.Select(a => (JsonNode)a!).ToArray()) });

    /// <summary>Polls a script until it returns true (10 s), else fails with what it last saw.</summary>
    public void WaitFor(string script, string what, params string[] args)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (Script(script, args) is JsonValue v && v.GetValueKind() == JsonValueKind.True) return;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{what} did not happen; status: {Script("return document.getElementById('status').textContent")}, rows: {Script("return document.querySelectorAll('#results tbody tr').length")}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        try
        {
            Send(HttpMethod.Delete, $"session/{_session}");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or AggregateException)
        {
        }
        if (!_driver.HasExited) _driver.Kill(entireProcessTree: true);
        _driver.WaitForExit(5000);
        _driver.Dispose();
        _http.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
