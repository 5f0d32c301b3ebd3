using System.Diagnostics;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary>
/// Issue 11 item 8 through a real pseudo-terminal (util-linux <c>script</c>): query csv/jsonl and chain
/// json/markdown are made visible on a terminal, and stay byte-exact through a pipe.
/// </summary>
public sealed class TerminalInjectionTests
{
    private const string Osc = "\u001b]0;owned\u0007";

    private static string HostileCase(string dir)
    {
        var ev = Path.Combine(dir, "ev");
        Directory.CreateDirectory(ev);
        // A brute force then a logon, the user name carrying an OSC title change, a colour, a bidi override
        // and U+2028, so the chain (entry, steps, IOCs) holds the hostile text too.
        const string user = "ad\u2028m" + Osc + "\u001b[31m\u202Ein";
        var lines = Enumerable.Range(0, 12).Select(i => $"Mar  2 03:15:{i:00} web01 sshd[{100 + i}]: Failed password for {user} from 203.0.113.45 port {4000 + i} ssh2")
            .Append($"Mar  2 03:15:30 web01 sshd[200]: Accepted password for {user} from 203.0.113.45 port 5000 ssh2");
        File.WriteAllText(Path.Combine(ev, "auth.log"), string.Join("\n", lines) + "\n");
        var casePath = Path.Combine(dir, "c.db");
        Assert.Equal(0, CliRunner.Run(dir, "ingest", ev, "--case", casePath, "--year", "2024").ExitCode);
        return casePath;
    }

    /// <summary>Runs the CLI with stdout on a pseudo-terminal and returns what the terminal received.</summary>
    private static string OnTerminal(string dir, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", CliRunner.Dll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var psi = new ProcessStartInfo("script") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-qec", command, "/dev/null" }) psi.ArgumentList.Add(a);
        // A dumb terminal: .NET's console sends no terminfo sequences of its own (keypad mode), so every ESC seen came from the evidence.
        psi.Environment["TERM"] = "dumb";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "timeline under script did not finish");
        Assert.Equal(0, p.ExitCode);
        return stdout.Result;
    }

    [Theory]
    [InlineData("query", "csv")]
    [InlineData("query", "jsonl")]
    [InlineData("chain", "json")]
    [InlineData("chain", "markdown")]
    public void MachineFormatsOnATerminalCannotDriveIt(string command, string format)
    {
        var dir = Some.TempDir();
        var casePath = HostileCase(dir);
        var shown = OnTerminal(dir, command, "--case", casePath, "--format", format);
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain('\u0007', shown);
        Assert.DoesNotContain('\u202E', shown);
        Assert.DoesNotContain('\u2028', shown);
        if (format == "csv") Assert.Contains("\\u{001B}]0;owned", shown); // JSON escapes ESC itself; CSV carries it raw
    }

    [Fact]
    public void ThroughAPipeQueryCsvKeepsTheEvidenceBytes()
    {
        var dir = Some.TempDir();
        var casePath = HostileCase(dir);
        var piped = CliRunner.Run(dir, "query", "--case", casePath, "--format", "csv");
        Assert.Equal(0, piped.ExitCode);
        Assert.Contains(Osc, piped.Stdout);
        Assert.Contains("\u2028", piped.Stdout);
    }

    [Fact]
    public void ChainMarkdownShowsLineSeparatorsEvenThroughAPipe()
    {
        var dir = Some.TempDir();
        var casePath = HostileCase(dir);
        var md = CliRunner.Run(dir, "chain", "--case", casePath, "--format", "markdown");
        Assert.Equal(0, md.ExitCode);
        Assert.DoesNotContain('\u2028', md.Stdout);
        Assert.Contains("\\u{2028}", md.Stdout);
    }
}
