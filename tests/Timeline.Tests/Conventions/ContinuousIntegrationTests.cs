using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Conventions;

/// <summary>The CI guards of the suite itself: update switches refuse to run and missing tools fail under <c>CI=true</c>.</summary>
public sealed class ContinuousIntegrationTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Theory]
    [InlineData("TIMELINE_UPDATE_GOLDEN")]
    [InlineData("TIMELINE_WRITE_SCENARIO")]
    public void AnUpdateSwitchFailsUnderCi(string variable)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ContinuousIntegration.UpdateSwitch(variable, Env(("CI", "true"), (variable, "1"))));
        Assert.Contains(variable, e.Message);
    }

    [Theory]
    [InlineData("TIMELINE_UPDATE_GOLDEN")]
    [InlineData("TIMELINE_WRITE_SCENARIO")]
    public void AnUpdateSwitchWorksOutsideCiAndIsOffByDefault(string variable)
    {
        Assert.True(ContinuousIntegration.UpdateSwitch(variable, Env((variable, "1"))));
        Assert.True(ContinuousIntegration.UpdateSwitch(variable, Env(("CI", "false"), (variable, "1"))));
        Assert.False(ContinuousIntegration.UpdateSwitch(variable, Env(("CI", "true"))));
        Assert.False(ContinuousIntegration.UpdateSwitch(variable, Env((variable, "0"))));
    }

    [Fact]
    public void AMissingToolFailsUnderCiAndSkipsElsewhere()
    {
        var missing = Path.Combine(Some.TempDir(), "no-such-tool");
        Assert.Throws<InvalidOperationException>(() => ContinuousIntegration.RequireTool(missing, "pkg", Env(("CI", "TRUE"))));
        Assert.Null(ContinuousIntegration.RequireTool(missing, "pkg", Env()));
        Assert.Null(ContinuousIntegration.RequireTool(null, "pkg", Env()));
        var present = Path.Combine(Some.TempDir(), "tool");
        File.WriteAllText(present, "");
        Assert.Equal(present, ContinuousIntegration.RequireTool(present, "pkg", Env(("CI", "true"))));
    }

    /// <summary>The suite reads the switches through the guard only: no test file reads one from the environment by hand.</summary>
    [Fact]
    public void TestsReadTheSwitchesOnlyThroughTheGuard()
    {
        string[] reads = [.. new[] { "TIMELINE_UPDATE_GOLDEN", "TIMELINE_WRITE_SCENARIO" }.Select(v => "GetEnvironmentVariable(\"" + v + "\")")];
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => reads.Any(r => File.ReadAllText(f).Contains(r, StringComparison.Ordinal)))
            .Select(RepoPaths.Relative).ToList();
        Assert.Empty(offenders);
    }
}
