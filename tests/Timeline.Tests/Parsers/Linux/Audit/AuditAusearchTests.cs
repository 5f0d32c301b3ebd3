using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Audit;

/// <summary>
/// Our reading of the audit samples against the reference tool, <c>ausearch -if FILE -i</c> (Debian
/// <c>auditd</c>; .ci/run installs it): the same events (node and serial), the same decoded PROCTITLE,
/// and the same decoded EXECVE argv (printed the way ausearch -i prints it: <c>a0=… a1=…</c>, control
/// characters as octal escapes). Outside CI the test is skipped when ausearch is not installed.
/// </summary>
public sealed class AuditAusearchTests
{
    private const string Ausearch = "/usr/sbin/ausearch";

    [Theory]
    [InlineData("web01-audit.log")]
    [InlineData("plaso-audit_enriched.log")]
    public void EventsProctitlesAndArgvMatchAusearch(string sample)
    {
        if (ContinuousIntegration.RequireTool(Ausearch, "auditd") is null) return;
        var path = Path.Combine(RepoPaths.SampleLogs, "linux/audit", sample);
        var reference = Read(Run(path));
        var ours = ParserHarness.ParseFile(path).Events.ToDictionary(e => (e.Fields.Get("node") ?? "") + ":" + e.Fields.Get("serial"));

        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        var compared = 0;
        foreach (var (key, expected) in reference)
        {
            var e = ours[key];
            if (expected.Proctitle is { } title) { Assert.Equal(title, e.Fields.Get("proctitle")); compared++; }
            if (expected.Argv is { } argv && !argv.Contains("_len=", StringComparison.Ordinal))
            {
                var argc = int.Parse(e.Fields.Get("argc")!, System.Globalization.CultureInfo.InvariantCulture);
                var mine = string.Join(" ", Enumerable.Range(0, argc).Select(i => $"a{i}={Octal(e.Fields.Get($"a{i}") ?? "")}"));
                Assert.Equal(argv, mine);
                compared++;
            }
        }
        Assert.True(compared >= 3, $"only {compared} values compared");
    }

    private sealed record Reference(string? Proctitle, string? Argv);

    private static Dictionary<string, Reference> Read(string output)
    {
        var events = new Dictionary<string, Reference>();
        var header = new Regex(@"^(?:node=(?<node>\S+) )?type=(?<type>\S+) msg=audit\([^)]*:(?<serial>\d+)\) : ?(?<rest>.*)$");
        foreach (var block in output.Split("\n----\n"))
        {
            string? key = null, title = null, argv = null;
            foreach (var line in block.Split('\n'))
            {
                var m = header.Match(line);
                if (!m.Success) continue;
                key ??= m.Groups["node"].Value + ":" + m.Groups["serial"].Value;
                var rest = m.Groups["rest"].Value.TrimEnd();
                if (m.Groups["type"].Value == "PROCTITLE" && rest.StartsWith("proctitle=", StringComparison.Ordinal)) title = rest["proctitle=".Length..];
                if (m.Groups["type"].Value == "EXECVE" && rest.StartsWith("argc=", StringComparison.Ordinal)) argv = rest[(rest.IndexOf(' ') + 1)..];
            }
            if (key is not null) events[key] = new Reference(title, argv);
        }
        return events;
    }

    /// <summary>ausearch -i prints control characters of a decoded value as <c>\ooo</c>.</summary>
    private static string Octal(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value)
            if (c < 0x20 || c == 0x7f) text.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
            else text.Append(c);
        return text.ToString();
    }

    private static string Run(string path)
    {
        var start = new ProcessStartInfo(Ausearch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-if", path, "-i" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "ausearch did not finish");
        return stdout.Result.Replace("\r", "", StringComparison.Ordinal);
    }
}
