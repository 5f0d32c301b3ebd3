using System.Text.Json.Nodes;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary><see cref="ContractMatch"/>, the comparison behind every scenario test, on small documents.</summary>
public sealed class ContractMatchTests
{
    private const string Actual = """
        {"chains":[{"host":"web01","confidence":0.95,"entry":{"user":"root","line":140},
          "steps":[{"phase":"entry","line":1},{"phase":"execution","line":2},{"phase":"mining","line":3}],
          "iocs":{"ips":["203.0.113.45","203.0.113.9"]},"extra":"new field"}]}
        """;

    private static List<string> Diff(string expected, ContractMatchMode? mode = null) =>
        ContractMatch.Differences(JsonNode.Parse(expected), JsonNode.Parse(Actual), mode ?? ContractMatchMode.Subset);

    [Theory]
    [InlineData("""{"chains":[{"host":"web01"}]}""")]
    [InlineData("""{"chains":[{"entry":{"user":"root"}}]}""")]
    [InlineData("""{"chains":[{"confidence":0.9500000000001}]}""")]
    [InlineData("""{"chains":[{"steps":[{"phase":"entry"},{"phase":"mining"}]}]}""")]
    [InlineData("""{"chains":[{"iocs":{"ips":["203.0.113.9","203.0.113.45"]}}]}""")]
    public void ASubsetOfTheContractMatches(string expected) => Assert.Empty(Diff(expected));

    [Theory]
    [InlineData("""{"chains":[{"host":"web02"}]}""", "$.chains")]
    [InlineData("""{"chains":[{"entry":{"user":"admin"}}]}""", "user")]
    [InlineData("""{"chains":[{"confidence":0.9}]}""", "confidence")]
    [InlineData("""{"chains":[{"entry":{"line":"140"}}]}""", "line")]
    [InlineData("""{"chains":[{"entry":{"user":null}}]}""", "user")]
    public void AWrongValueIsReportedWithItsPath(string expected, string named)
    {
        var diff = Assert.Single(Diff(expected));
        Assert.Contains(named, diff, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingKeyIsReported()
    {
        Assert.Contains("$.chains[0].runnersUp: missing", Assert.Single(Diff("""{"chains":[{"host":"web01","runnersUp":[]}]}""")), StringComparison.Ordinal);
        Assert.Equal(["$.entry.sourceIp: missing"], ContractMatch.Differences(JsonNode.Parse("""{"entry":{"sourceIp":null}}"""), JsonNode.Parse(Actual)!["chains"]![0]));
    }

    [Theory]
    [InlineData("""{"chains":[{"steps":[{"phase":"entry"},{"phase":"persistence"}]}]}""")]   // an object item missing
    [InlineData("""{"chains":[{"steps":[{"phase":"mining"},{"phase":"entry"}]}]}""")]        // object items out of order
    [InlineData("""{"chains":[{"iocs":{"ips":["203.0.113.45"]}}]}""")]                        // strings: an extra actual value (string lists are complete sets)
    [InlineData("""{"chains":[{"iocs":{"ips":["203.0.113.45","203.0.113.9","198.51.100.1"]}}]}""")] // a string item missing
    [InlineData("""{"chains":[{"host":"web01"},{"host":"web01"}]}""")]                        // one actual item cannot match two expected
    public void AMissingOrMisplacedArrayItemIsReported(string expected) => Assert.NotEmpty(Diff(expected));

    [Fact]
    public void ExtraArrayItemsPassByDefaultAndFailWhereTheArrayIsComplete()
    {
        const string partialSteps = """{"chains":[{"steps":[{"phase":"entry"},{"phase":"mining"}]}]}""";
        Assert.Empty(Diff(partialSteps));
        Assert.Empty(Diff(partialSteps, ContractMatchMode.Complete("chains")));
        Assert.Contains("expected 2 item(s), got 3", Assert.Single(Diff(partialSteps, ContractMatchMode.Complete("steps"))), StringComparison.Ordinal);
        Assert.NotEmpty(Diff(partialSteps, ContractMatchMode.Strict));
        Assert.Empty(Diff("""{"chains":[{"steps":[{"phase":"entry"},{"phase":"execution"},{"phase":"mining"}]}]}""", ContractMatchMode.Strict));
    }

    [Fact]
    public void ExtraKeysPassInEveryMode()
    {
        Assert.Empty(Diff("""{"chains":[{"host":"web01"}]}""", ContractMatchMode.Strict));
        Assert.Empty(Diff("""{}""", ContractMatchMode.Strict));
    }

    [Fact]
    public void TheScenarioModeCountsChainsGapsAndMovesExactly()
    {
        Assert.True(ContractMatch.ScenarioMode.IsComplete("chains"));
        Assert.True(ContractMatch.ScenarioMode.IsComplete("gaps"));
        Assert.True(ContractMatch.ScenarioMode.IsComplete("lateral"));
        Assert.False(ContractMatch.ScenarioMode.IsComplete("steps"));
        var twoChains = """{"chains":[{"host":"web01"},{"host":"db01"}]}""";
        Assert.NotEmpty(ContractMatch.Differences(JsonNode.Parse("""{"chains":[{"host":"web01"}]}"""), JsonNode.Parse(twoChains), ContractMatch.ScenarioMode));
        Assert.Empty(ContractMatch.Differences(JsonNode.Parse("""{"chains":[{"host":"web01"}]}"""), JsonNode.Parse(twoChains)));
    }
}
