using CsCheck;
using Xunit;
using Timeline.Detection.Sigma.Matching;
using Timeline.Detection.Sigma.Values;
using Source = Timeline.Tests.Detection.Matching.NeedleIndexTests.Source;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// The contract of <see cref="IEventPredicate.RequiredNeedles"/>, on which the prefilter's correctness
/// rests: when a predicate matches an event, one of its needles occurs in that event (a null list means
/// "no such promise: always evaluate"). Checked over random trees of field and keyword predicates under
/// and/or/not, then the choices the rows below pin (the most selective branch of an <c>and</c>, the union
/// of an <c>or</c>, no promise for negations, transforms or a value without a literal).
/// </summary>
public class RequiredNeedlesTests
{
    private static readonly string[] Fields = ["CommandLine", "Image", "User"];
    private static readonly Gen<string> Pattern = Gen.Char["abA*?"].Array[0, 4].Select(c => new string(c));
    private static readonly Gen<IValueTest> Value = Gen.Select(Pattern, Gen.Bool, (p, cased) => (IValueTest)new WildcardTest(SigmaString.FromRule(p), cased));

    private static readonly Gen<IEventPredicate> Leaf = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, 2], Value.List[0, 3], Gen.Bool, Gen.Int[0, 5], (f, tests, all, flags) =>
            (IEventPredicate)new FieldPredicate(Fields[f], tests, all, negated: flags == 0, extract: flags == 1 ? v => v?.ToUpperInvariant() : null))),
        (1, Gen.Select(Value.List[0, 3], Gen.Bool, (tests, all) => (IEventPredicate)new KeywordPredicate(tests, all))));

    private static readonly Gen<IEventPredicate> Tree = Gen.Recursive<IEventPredicate>((depth, self) =>
        depth >= 3 ? Leaf : Gen.Frequency(
            (3, Leaf),
            (2, self.List[1, 3].Select(p => (IEventPredicate)new AndPredicate(p))),
            (2, self.List[1, 3].Select(p => (IEventPredicate)new OrPredicate(p))),
            (1, self.Select(p => (IEventPredicate)new NotPredicate(p)))));

    private static readonly Gen<Source> Event = Gen.Select(
        Gen.Char["abAB"].Array[0, 5].Select(c => new string(c)).Array[3],
        Gen.Char["abB"].Array[0, 5].Select(c => new string(c)).List[0, 2],
        Gen.Bool.Array[3],
        (values, keywords, present) => new Source(Fields.Select((f, i) => (f, present[i] ? values[i] : null)).ToDictionary(p => p.f, p => p.Item2), keywords));

    [Fact]
    public void AMatchingEventAlwaysContainsANeedle()
    {
        Gen.Select(Tree, Event).Sample((tree, source) =>
        {
            if (!tree.Matches(source)) return true;
            return tree.RequiredNeedles() is not { } needles || needles.Any(source.Contains);
        }, iter: 20_000);
    }

    [Fact]
    public void TheFilterIsNotEmptyHanded()
    {
        // The property above holds trivially if every tree answers null: most trees must promise something.
        var promising = 0;
        Tree.Sample(t => { if (t.RequiredNeedles() is { Count: > 0 }) promising++; }, iter: 2_000);
        Assert.InRange(promising, 400, 2_000);
    }

    private static FieldPredicate Field(string field, params string[] patterns) => Field(field, false, patterns);

    private static FieldPredicate Field(string field, bool all, params string[] patterns) =>
        new(field, patterns.Select(p => (IValueTest)new WildcardTest(SigmaString.FromRule(p), false)).ToList(), all, negated: false, extract: null);

    private static string[] Texts(IEventPredicate p) => p.RequiredNeedles()?.Select(n => $"{n.Field ?? "*"}:{n.Text}").ToArray() ?? ["(none)"];

    [Fact]
    public void AFieldValueListPromisesEachValuesLongestLiteral()
    {
        Assert.Equal(["Image:/xmrig", "Image:minerd"], Texts(Field("Image", "*/xmrig", "*minerd*")));
        Assert.Equal(["Image:stratum"], Texts(Field("Image", "*pool*stratum*")));
        // One value without a literal: any value can match, so there is no promise.
        Assert.Equal(["(none)"], Texts(Field("Image", "*xmrig*", "*")));
        Assert.Equal(["(none)"], Texts(Field("Image", "*xmrig*", "")));
        Assert.Equal(["(none)"], Texts(new FieldPredicate("Image", [], false, false, null)));
    }

    [Fact]
    public void AllValuesPromiseOnlyTheLongestOne()
    {
        Assert.Equal(["CommandLine:--donate-level"], Texts(Field("CommandLine", true, "*-o *", "*--donate-level*", "*-u*")));
        Assert.Equal(["CommandLine:xmr"], Texts(Field("CommandLine", true, "*", "*xmr*")));
        Assert.Equal(["(none)"], Texts(Field("CommandLine", true, "*", "?")));
    }

    [Fact]
    public void NegationsAndTransformsPromiseNothing()
    {
        var tests = new List<IValueTest> { new WildcardTest(SigmaString.FromRule("*xmrig*"), false) };
        Assert.Equal(["(none)"], Texts(new FieldPredicate("Image", tests, false, negated: true, extract: null)));
        Assert.Equal(["(none)"], Texts(new FieldPredicate("Image", tests, false, negated: false, extract: v => v)));
        Assert.Equal(["(none)"], Texts(new NotPredicate(Field("Image", "*xmrig*"))));
    }

    [Fact]
    public void KeywordsPromiseTheirLiteralsWithoutAField()
    {
        Assert.Equal(["*:stratum+tcp", "*:xmrig"], Texts(new KeywordPredicate([new WildcardTest(SigmaString.FromRule("*stratum+tcp*"), false), new WildcardTest(SigmaString.FromRule("xmrig"), false)], false)));
        Assert.Equal(["*:stratum+tcp"], Texts(new KeywordPredicate([new WildcardTest(SigmaString.FromRule("xmrig"), false), new WildcardTest(SigmaString.FromRule("*stratum+tcp*"), false)], true)));
        Assert.Equal(["(none)"], Texts(new KeywordPredicate([new WildcardTest(SigmaString.FromRule("*"), false), new WildcardTest(SigmaString.FromRule("xmrig"), false)], false)));
        Assert.Equal(["(none)"], Texts(new KeywordPredicate([], false)));
        // No values: nothing to find, never a match (and not a vacuous 'all of nothing').
        Assert.False(new KeywordPredicate([], false).Matches(new Source(new Dictionary<string, string?>(), ["anything"])));
        Assert.False(new KeywordPredicate([], true).Matches(new Source(new Dictionary<string, string?>(), ["anything"])));
    }

    [Fact]
    public void AnOrPromisesTheUnionAndNothingWhenOneBranchCannotPromise()
    {
        Assert.Equal(["Image:xmrig", "CommandLine:stratum"], Texts(new OrPredicate([Field("Image", "*xmrig*"), Field("CommandLine", "*stratum*")])));
        Assert.Equal(["(none)"], Texts(new OrPredicate([Field("Image", "*xmrig*"), Field("CommandLine", "*")])));
        Assert.Equal(["(none)"], Texts(new OrPredicate([Field("Image", "*"), Field("CommandLine", "*stratum*")])));
        Assert.Equal(["(none)"], Texts(new OrPredicate([])));
    }

    [Fact]
    public void AnAndPromisesItsMostSelectiveBranch()
    {
        // Longer shortest needle wins (×4), fewer needles break near-ties; a branch without needles is passed over.
        Assert.Equal(["Image:donate", "Image:pool.x"], Texts(new AndPredicate([Field("User", "*ab*"), Field("Image", "*donate*", "*pool.x*")])));
        Assert.Equal(["User:abcdef"], Texts(new AndPredicate([Field("User", "*abcdef*"), Field("Image", "*donate*", "*pool.x*")])));
        Assert.Equal(["Image:ab"], Texts(new AndPredicate([Field("User", "*"), Field("Image", "*ab*")])));
        Assert.Equal(["Image:ab"], Texts(new AndPredicate([Field("Image", "*ab*"), Field("User", "*")])));
        Assert.Equal(["(none)"], Texts(new AndPredicate([Field("User", "*"), new NotPredicate(Field("Image", "*ab*"))])));
    }
}
