using System.Diagnostics;
using System.Text.Json;
using Timeline.Tests.Detection;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Cli;

/// <summary><c>rules lint</c> over a folder of hostile rule files: every file is named with its reason, nothing crashes.</summary>
public sealed class RulesLintBoundsTests
{
    [Fact]
    public void LintNamesEveryHostileRuleFileAndSurvives()
    {
        var dir = Some.TempDir();
        var rules = Path.Combine(dir, "rules");
        Directory.CreateDirectory(rules);
        foreach (var (name, text) in HostileRules.Folder()) File.WriteAllText(Path.Combine(rules, name), text);
        File.WriteAllText(Path.Combine(rules, "fine.yml"), HostileRules.ManyValues(3));

        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run(dir, "rules", "lint", rules, "--format", "json");
        Assert.True(r.ExitCode == 3, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"lint took {clock.Elapsed.TotalSeconds:N0} s");
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(1, root.GetProperty("rules").GetInt32());
        var failed = root.GetProperty("failed").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => f.GetProperty("error").GetString()!);
        Assert.Equal(HostileRules.Folder().Keys.Order(), failed.Keys.Order());
        Assert.Contains("alias", failed["alias-bomb.yml"], StringComparison.Ordinal);
        Assert.Contains("deeper than", failed["deep-yaml.yml"], StringComparison.Ordinal);
        Assert.Contains("deeper than", failed["deep-condition.yml"], StringComparison.Ordinal);
        Assert.Contains("deeper than", failed["many-nots.yml"], StringComparison.Ordinal);
        Assert.Contains("values", failed["many-values.yml"], StringComparison.Ordinal);
        Assert.Contains("regular expressions", failed["many-regexes.yml"], StringComparison.Ordinal);
        Assert.Contains("bytes", failed["huge.yml"], StringComparison.Ordinal);
    }
}
