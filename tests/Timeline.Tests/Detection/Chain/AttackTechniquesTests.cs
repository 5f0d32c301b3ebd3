using System.Reflection;
using System.Text.RegularExpressions;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// <c>sigma/techniques.yml</c>: the analytic kind → ATT&amp;CK table. Every kind of <see cref="AnalyticKinds"/>
/// has a row or is declared technique-less, the table names no kind the code does not have, and a broken
/// file fails the load with file and line.
/// </summary>
public sealed class AttackTechniquesTests
{
    private static readonly AttackTechniques Bundled = AttackTechniques.Load(Path.Combine(RepoPaths.Sigma, "techniques.yml"));

    private static IReadOnlyList<string> CodeKinds() =>
        [.. typeof(AnalyticKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void EveryAnalyticKindHasATechniqueRowOrIsDeclaredTechniqueLess()
    {
        var missing = CodeKinds().Where(k => !Bundled.Kinds.Contains(k) && !Bundled.TechniqueLess.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "kinds without a row in sigma/techniques.yml: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheTableNamesOnlyKindsTheCodeHas()
    {
        var code = CodeKinds().ToHashSet(StringComparer.Ordinal);
        var stale = Bundled.Kinds.Concat(Bundled.TechniqueLess.Keys).Where(k => !code.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "rows for kinds AnalyticKinds does not define: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryTechniqueHasAnAttackNameAndSource()
    {
        Assert.NotEmpty(Bundled.Techniques);
        Assert.All(Bundled.Techniques.Values, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Name), t.Id);
            Assert.Contains("attack.mitre.org/techniques/" + t.Id.Replace('.', '/'), t.Source);
        });
        Assert.All(Bundled.TechniqueLess.Values, why => Assert.False(string.IsNullOrWhiteSpace(why)));
    }

    /// <summary>
    /// Analytics name their kinds through <see cref="AnalyticKinds"/>, never as a literal, so the reflection
    /// above sees every kind: a finding, signal or entry point built with a string literal fails here.
    /// </summary>
    [Fact]
    public void NoAnalyticSpellsAKindAsALiteral()
    {
        var creation = new Regex(@"new Finding\(""|new EntryPoint\(""|Signal\.From\([^;]*?(AttackPhase\.\w+|phase), ""|\.Kind\s*(=|==|!=)\s*""|Kind is (not )?""", RegexOptions.CultureInvariant);
        var chain = Path.Combine(RepoPaths.Root, "src", "Timeline.Detection", "Chain");
        var offenders = Directory.EnumerateFiles(chain, "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => creation.IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(offenders.Count == 0, "kinds spelled as literals: " + string.Join(", ", offenders));
    }

    [Theory]
    // Known kinds keep their contract ids; an unknown kind contributes nothing.
    [InlineData("ssh-bruteforce-success", "T1110.001 T1078")]
    [InlineData("winring0", "T1496 T1543.003")]
    [InlineData("rule", "")]
    [InlineData("no-such-kind", "")]
    public void AKindGivesItsTechniquesInOrder(string kind, string expected) =>
        Assert.Equal(expected, string.Join(" ", Bundled.Of([kind])));

    [Theory]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts }\nkinds:\n  session: { techniques: [T1078], source: x }\n", "techniques.yml:2", "source")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [T1078] }\n", "techniques.yml:4", "source")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [T1078], source: x, phase: entry }\n", "techniques.yml:4", "unknown key 'phase'")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [T9999], source: x }\n", "techniques.yml:4", "T9999")]
    [InlineData("techniques:\n  1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [T1078], source: x }\n", "techniques.yml:2", "not an ATT&CK technique id")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [], source: x }\n", "techniques.yml:4", "non-empty list")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkinds:\n  session: { techniques: [T1078], source: x }\ntechnique-less:\n  session: { source: x }\n", "techniques.yml:6", "technique-less")]
    [InlineData("techniques:\n  T1078: { name: Valid Accounts, source: x }\nkind:\n  session: { techniques: [T1078], source: x }\n", "techniques.yml", "unknown key 'kind'")]
    public void ABrokenTableFailsTheLoadWithFileAndLine(string yaml, string where, string message)
    {
        var path = Path.Combine(Some.TempDir(), "techniques.yml");
        File.WriteAllText(path, yaml);
        var ex = Assert.Throws<ChainKnowledgeException>(() => AttackTechniques.Load(path));
        Assert.Contains(where, ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
