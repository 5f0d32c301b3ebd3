using Timeline.Parsers;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Conventions;

/// <summary>
/// The afl++ harnesses (fuzz/Timeline.Fuzz, not built by the tests) cover every parser: a new format
/// without a harness fails here, with the file to add it to.
/// </summary>
public sealed class FuzzHarnessTests
{
    private static readonly string Targets = Path.Combine(RepoPaths.Root, "fuzz", "Timeline.Fuzz", "FuzzTargets.cs");

    [Theory]
    [MemberData(nameof(ConventionTests.ParserNames), MemberType = typeof(ConventionTests))]
    public void EveryParserHasAFuzzHarness(string parser) =>
        Assert.True(File.ReadAllText(Targets).Contains($"\"{parser}\"", StringComparison.Ordinal),
            $"parser {parser} has no afl++ harness: add a target to fuzz/Timeline.Fuzz/FuzzTargets.cs");

    [Fact]
    public void TheRunScriptIsExecutable()
    {
        var script = Path.Combine(RepoPaths.Root, "fuzz", "run.sh");
        Assert.True(File.Exists(script), "fuzz/run.sh missing");
        if (!OperatingSystem.IsWindows())
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "fuzz/run.sh is not executable");
    }
}
