using System.Text.RegularExpressions;
using Timeline.Detection.Sigma.Matching;
using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// The state of one detection item while its modifiers run. It starts as Sigma's default: the rule's
/// values, case-insensitive wildcard equality, any-of. Transformation modifiers rewrite <see cref="Values"/>;
/// type modifiers set <see cref="TestFactory"/>; flag modifiers set <see cref="MatchAll"/>,
/// <see cref="CaseSensitive"/>, <see cref="Negated"/> or <see cref="RegexFlags"/>.
/// </summary>
public sealed class ValuePattern(string? field, List<SigmaValue> values, int line, DetectionContext context)
{
    /// <summary>The Sigma field, or null for a keyword item.</summary>
    public string? Field { get; } = field;
    public List<SigmaValue> Values { get; set; } = values;
    public int Line { get; } = line;
    public DetectionContext Context { get; } = context;

    public bool MatchAll { get; set; }
    public bool CaseSensitive { get; set; }
    public bool Negated { get; set; }
    public RegexOptions RegexFlags { get; set; }

    /// <summary>Set by a type modifier (re, cidr, gt...): builds the test for one value. Null means wildcard equality.</summary>
    public Func<ValuePattern, SigmaValue, IValueTest>? TestFactory { get; private set; }

    /// <summary>The modifier that set <see cref="TestFactory"/>.</summary>
    public string? TypeModifier { get; private set; }

    /// <summary>Transforms the event value before testing (time-part modifiers).</summary>
    public Func<string?, string?>? Extract { get; set; }

    public void SetType(string modifier, Func<ValuePattern, SigmaValue, IValueTest> factory)
    {
        if (TypeModifier is not null && TestFactory is not null)
            throw new RuleLoadException(Line, $"modifier '{modifier}' cannot follow '{TypeModifier}'", "modifier-combination");
        TypeModifier = modifier;
        TestFactory = factory;
    }

    /// <summary>Rewrites every string value (null values pass through).</summary>
    public ValuePattern MapStrings(Func<SigmaString, SigmaString> map)
    {
        Values = Values.Select(v => v.IsNull ? v : v.With(map(v.AsSigmaString()!))).ToList();
        return this;
    }

    /// <summary>The compiled tests, one per value.</summary>
    public IReadOnlyList<IValueTest> BuildTests()
    {
        var tests = new List<IValueTest>(Values.Count);
        foreach (var v in Values)
        {
            if (TestFactory is not null) tests.Add(TestFactory(this, v));
            else if (v.IsNull) tests.Add(new NullTest());
            else tests.Add(new WildcardTest(v.AsSigmaString()!, CaseSensitive));
        }
        return tests;
    }
}
