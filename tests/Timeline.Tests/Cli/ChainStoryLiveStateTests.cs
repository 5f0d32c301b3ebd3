using Spectre.Console;
using Timeline.Cli.Output.Chains;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary>The terminal chain story shows what was running at collection; the attacker chose the command line, so it is shown, never obeyed.</summary>
public sealed class ChainStoryLiveStateTests
{
    private static string Story(AttackChain chain)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        ChainStoryFormat.WriteStory(console, [chain]);
        return writer.ToString();
    }

    [Fact]
    public void TheRunningBlockShowsPidUserCpuRemoteAndWhyAsText()
    {
        var t = new DateTime(2024, 6, 1, 20, 0, 0, DateTimeKind.Utc).Ticks;
        var chain = new AttackChain
        {
            Host = "web01",
            LiveState = new LiveState(t, TimeQuality.Snapshot,
                [new LiveProcess(4242, "www-data", "kswapd0 [red]x[/] \u001b]0;owned\u0007 \u202Eniam", 398.5, "named like the kernel thread 'kswapd0' [/]", true, ["e1"])],
                [new LiveConnection(4242, "kswapd0", "198.51.100.7:3333", "port 3333 is a known pool port", ["e2"])]),
        };
        var shown = Story(chain);
        Assert.Contains("Running at collection", shown);
        Assert.Contains("2024-06-01T20:00:00Z", shown);
        Assert.Contains("4242", shown);
        Assert.Contains("www-data", shown);
        Assert.Contains("398.5", shown);
        Assert.Contains("198.51.100.7:3333", shown);
        // Markup in the evidence is printed as text, control and bidi characters as visible escapes.
        Assert.Contains("kswapd0 [red]x[/]", shown);
        Assert.Contains("\\u{001B}]0;owned\\u{0007}", shown);
        Assert.Contains("\\u{202E}", shown);
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain('\u0007', shown);
        Assert.DoesNotContain('\u202E', shown);
    }

    [Fact]
    public void ALiveStateWithNothingSuspiciousSaysSo()
    {
        var chain = new AttackChain { Host = "web01", LiveState = new LiveState(null, TimeQuality.Snapshot, [], []) };
        Assert.Contains("nothing suspicious", Story(chain));
        Assert.DoesNotContain("Running at collection", Story(new AttackChain { Host = "web01" }));
    }
}
