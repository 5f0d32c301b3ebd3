using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary><c>sigma/response.yml</c>: the responder's order and the entry-point fixes, sourced and loud when broken.</summary>
public sealed class ResponseKnowledgeTests
{
    private static readonly ResponseKnowledge Bundled = ResponseKnowledge.Load(Path.Combine(RepoPaths.Sigma, "response.yml"));

    [Fact]
    public void TheBundledOrderIsTheRespondersOrder() =>
        Assert.Equal(["isolate", "block", "remove", "kill", "rotate", "fix-entry"], Bundled.CategoryOrder);

    [Fact]
    public void EveryEntryKindGetsAFixAndTheAccountIsFilledIn()
    {
        Assert.All(ResponseKnowledge.EntryKinds, k => Assert.False(string.IsNullOrWhiteSpace(Bundled.FixFor(k, null))));
        Assert.StartsWith("Fix the exploited service ('redis'): ", Bundled.FixFor(AnalyticKinds.ExploitedService, "redis"));
        Assert.StartsWith("Fix the exploited service: ", Bundled.FixFor(AnalyticKinds.ExploitedService, null));
        Assert.Equal(Bundled.FixFor("an-unknown-kind", null), Bundled.FixFor(AnalyticKinds.PersistenceWithoutLogin, null));
        Assert.DoesNotContain("{account}", string.Join(" ", Bundled.Fixes.Keys.Select(k => Bundled.FixFor(k, "x"))));
    }

    private const string Categories = "categories:\n  - { name: isolate, source: x }\n  - { name: block, source: x }\n  - { name: remove, source: x }\n  - { name: kill, source: x }\n  - { name: rotate, source: x }\n  - { name: fix-entry, source: x }\n";
    private const string Default = "  default: { action: a, source: x }\n";

    [Theory]
    [InlineData(Categories + "fix-entry:\n" + Default + "  session: { action: a }\n", "response.yml:10", "source")]
    [InlineData(Categories + "fix-entry:\n" + Default + "  session: { action: a, source: x, why: b }\n", "response.yml:10", "unknown key 'why'")]
    [InlineData(Categories + "fix-entry:\n" + Default + "  sesion: { action: a, source: x }\n", "response.yml:10", "not an entry-point kind")]
    [InlineData(Categories + "fix-entry:\n  session: { action: a, source: x }\n", "response.yml", "no 'default'")]
    [InlineData("categories:\n  - { name: isolate, source: x }\nfix-entry:\n" + Default, "response.yml", "misses block")]
    [InlineData("categories:\n  - { name: isolate }\nfix-entry:\n" + Default, "response.yml:2", "source")]
    [InlineData("categories:\n  - { name: quarantine, source: x }\nfix-entry:\n" + Default, "response.yml:2", "not a category the planner writes")]
    public void ABrokenFileFailsTheLoadWithFileAndLine(string yaml, string where, string message)
    {
        var path = Path.Combine(Some.TempDir(), "response.yml");
        File.WriteAllText(path, yaml);
        var ex = Assert.Throws<ChainKnowledgeException>(() => ResponseKnowledge.Load(path));
        Assert.Contains(where, ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
