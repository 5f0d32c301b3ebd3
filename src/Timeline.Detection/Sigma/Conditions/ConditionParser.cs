using System.Text.RegularExpressions;
using Timeline.Core.Limits;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Conditions;

/// <summary>
/// Compiles a Sigma condition over named search identifiers. Precedence, loosest first: <c>or</c>,
/// <c>and</c>, <c>not</c>, <c>x of pattern</c>, parentheses. <c>them</c> means every identifier not
/// starting with <c>_</c>; patterns use <c>*</c> wildcards. Keywords are case-insensitive.
/// The parser recurses per parenthesis and <c>not</c>; nesting is bounded by <see cref="Bounds.ConditionDepth"/>.
/// </summary>
public sealed class ConditionParser
{
    private readonly IReadOnlyDictionary<string, IEventPredicate> _identifiers;
    private readonly int _line;
    private List<string> _tokens = [];
    private int _pos;
    private int _depth;

    public ConditionParser(IReadOnlyDictionary<string, IEventPredicate> identifiers, int line)
    {
        _identifiers = identifiers;
        _line = line;
    }

    public IEventPredicate Parse(string expression)
    {
        _tokens = ConditionLexer.Split(expression);
        _pos = 0;
        if (_tokens.Count == 0) throw Fail("empty condition");
        var result = ParseOr();
        if (_pos < _tokens.Count) throw Fail($"unexpected '{_tokens[_pos]}' in condition '{expression}'");
        return result;
    }

    private IEventPredicate ParseOr()
    {
        var parts = new List<IEventPredicate> { ParseAnd() };
        while (Accept("or")) parts.Add(ParseAnd());
        return parts.Count == 1 ? parts[0] : new OrPredicate(parts);
    }

    private IEventPredicate ParseAnd()
    {
        var parts = new List<IEventPredicate> { ParseNot() };
        while (Accept("and")) parts.Add(ParseNot());
        return parts.Count == 1 ? parts[0] : new AndPredicate(parts);
    }

    private IEventPredicate ParseNot()
    {
        if (!Accept("not")) return ParsePrimary();
        Enter();
        var inner = new NotPredicate(ParseNot());
        _depth--;
        return inner;
    }

    private void Enter()
    {
        if (++_depth > Bounds.ConditionDepth)
            throw new RuleLoadException(_line, $"condition nests parentheses and 'not' deeper than {Bounds.ConditionDepth} levels", "bounds:condition");
    }

    private IEventPredicate ParsePrimary()
    {
        if (_pos >= _tokens.Count) throw Fail("condition ends too early");
        var token = _tokens[_pos++];
        if (token == "(")
        {
            Enter();
            var inner = ParseOr();
            if (!Accept(")")) throw Fail("missing ')'");
            _depth--;
            return inner;
        }
        if (token == ")") throw Fail("unexpected ')'");
        if (_pos < _tokens.Count && Is(_tokens[_pos], "of"))
        {
            _pos++;
            if (_pos >= _tokens.Count) throw Fail("'of' needs an identifier pattern");
            return Quantified(token, _tokens[_pos++]);
        }
        if (Is(token, "and") || Is(token, "or")) throw Fail($"unexpected '{token}'");
        if (_identifiers.TryGetValue(token, out var predicate)) return predicate;
        throw Fail($"unknown search identifier '{token}'");
    }

    private IEventPredicate Quantified(string quantifier, string pattern)
    {
        var names = Is(pattern, "them")
            ? _identifiers.Keys.Where(k => !k.StartsWith('_')).ToList()
            : _identifiers.Keys.Where(k => Glob(pattern).IsMatch(k)).ToList();
        if (names.Count == 0) throw Fail($"no search identifier matches '{pattern}'");
        var parts = names.Order(StringComparer.Ordinal).Select(n => _identifiers[n]).ToList();
        if (Is(quantifier, "all")) return parts.Count == 1 ? parts[0] : new AndPredicate(parts);
        if (quantifier == "1" || Is(quantifier, "any")) return parts.Count == 1 ? parts[0] : new OrPredicate(parts);
        throw new RuleLoadException(_line, $"quantifier '{quantifier} of' is not supported (only '1 of' and 'all of')", "condition:n-of");
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");

    private bool Accept(string word)
    {
        if (_pos < _tokens.Count && Is(_tokens[_pos], word))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private static bool Is(string token, string word) => string.Equals(token, word, StringComparison.OrdinalIgnoreCase);

    private RuleLoadException Fail(string reason) => new(_line, reason, "condition");
}
