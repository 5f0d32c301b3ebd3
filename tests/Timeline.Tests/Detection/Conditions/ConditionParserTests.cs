using CsCheck;
using Xunit;
using Timeline.Detection.Sigma.Conditions;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Tests.Detection.Conditions;

/// <summary>
/// Precedence of <see cref="ConditionParser"/> (Sigma: <c>or</c> &lt; <c>and</c> &lt; <c>not</c> &lt;
/// <c>x of</c> &lt; parentheses) checked on identifiers that are plain flags, so only the parse decides.
/// </summary>
public class ConditionParserTests
{
    private static readonly string[] Names = ["sel_a", "sel_b", "filter_c"];

    // (condition, identifiers that match — first letters a/b/c, expected). Each form has a row on which
    // the wrong grouping gives the other answer, and a negative.
    public static TheoryData<string, string, bool> Rows => new()
    {
        // not binds tighter than and: (not a) and b, never not (a and b)
        { "not sel_a and sel_b", "b", true },
        { "not sel_a and sel_b", "a", false },
        { "not sel_a and sel_b", "", false },
        { "not sel_a and sel_b", "ab", false },
        // not binds tighter than or: (not a) or b, never not (a or b)
        { "not sel_a or sel_b", "ab", true },
        { "not sel_a or sel_b", "", true },
        { "not sel_a or sel_b", "a", false },
        // and binds tighter than or: a or (b and c), never (a or b) and c
        { "sel_a or sel_b and filter_c", "a", true },
        { "sel_a or sel_b and filter_c", "b", false },
        { "sel_a or sel_b and filter_c", "bc", true },
        { "sel_b and filter_c or sel_a", "a", true },
        { "sel_b and filter_c or sel_a", "c", false },
        // not applies to the quantifier as a whole
        { "not 1 of sel_*", "c", true },
        { "not 1 of sel_*", "b", false },
        { "not all of sel_*", "a", true },
        { "not all of sel_*", "ab", false },
        // parentheses override
        { "not (sel_a or sel_b)", "", true },
        { "not (sel_a or sel_b)", "b", false },
        { "(sel_a or sel_b) and filter_c", "a", false },
        { "sel_a and not sel_b and not filter_c", "a", true },
        { "sel_a and not sel_b and not filter_c", "ac", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ConditionGroupsLikeSigma(string condition, string matching, bool expected) =>
        Assert.Equal(expected, Parse(condition).Matches(new FlagSource(matching)));

    /// <summary>
    /// Random expression trees over the three identifiers, written with only the parentheses the
    /// precedence needs (plus some redundant ones), parse back to the same truth table.
    /// </summary>
    [Fact]
    public void PrintedWithMinimalParenthesesParsesToTheSameTruthTable()
    {
        Expression.Gen.Sample(tree =>
        {
            var parsed = Parse(tree.Print(Level.Or));
            for (var bits = 0; bits < 8; bits++)
            {
                var matching = string.Concat(Enumerable.Range(0, 3).Where(i => (bits & (1 << i)) != 0).Select(i => "abc"[i]));
                if (parsed.Matches(new FlagSource(matching)) != tree.Eval(matching)) return false;
            }
            return true;
        }, iter: 3_000, print: t => t.Print(Level.Or));
    }

    private static IEventPredicate Parse(string condition) =>
        new ConditionParser(Names.ToDictionary(n => n, n => (IEventPredicate)new Flag(n[^1])), line: 1).Parse(condition);

    private enum Level { Or, And, Not }

    private abstract record Expression
    {
        public abstract bool Eval(string matching);
        public abstract string Print(Level context);

        public static readonly Gen<Expression> Gen = CsCheck.Gen.Recursive<Expression>((depth, self) =>
            depth >= 4
                ? CsCheck.Gen.Int[0, 2].Select(i => (Expression)new Id(i))
                : CsCheck.Gen.Frequency(
                    (2, CsCheck.Gen.Int[0, 2].Select(i => (Expression)new Id(i))),
                    (2, CsCheck.Gen.Select(self, self, CsCheck.Gen.Bool, (a, b, paren) => (Expression)new Binary("and", a, b, paren))),
                    (2, CsCheck.Gen.Select(self, self, CsCheck.Gen.Bool, (a, b, paren) => (Expression)new Binary("or", a, b, paren))),
                    (1, self.Select(a => (Expression)new Not(a)))));
    }

    private sealed record Id(int Index) : Expression
    {
        public override bool Eval(string matching) => matching.Contains("abc"[Index]);
        public override string Print(Level context) => Names[Index];
    }

    private sealed record Not(Expression Inner) : Expression
    {
        public override bool Eval(string matching) => !Inner.Eval(matching);
        public override string Print(Level context) => "not " + Inner.Print(Level.Not);
    }

    private sealed record Binary(string Op, Expression Left, Expression Right, bool RedundantParens) : Expression
    {
        public override bool Eval(string matching) => Op == "and" ? Left.Eval(matching) && Right.Eval(matching) : Left.Eval(matching) || Right.Eval(matching);

        public override string Print(Level context)
        {
            var own = Op == "and" ? Level.And : Level.Or;
            var text = $"{Left.Print(own)} {Op} {Right.Print(own)}";
            return context > own || RedundantParens ? "(" + text + ")" : text;
        }
    }

    private sealed class Flag(char letter) : IEventPredicate
    {
        public bool Matches(IFieldSource source) => source.Get(letter.ToString()) is not null;
        public IReadOnlyList<Needle>? RequiredNeedles() => null;
    }

    private sealed class FlagSource(string matching) : IFieldSource
    {
        public string? Get(string sigmaField) => matching.Contains(sigmaField, StringComparison.Ordinal) ? "1" : null;
        public IEnumerable<string> KeywordTexts => [];
    }
}
