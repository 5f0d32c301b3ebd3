using System.Text;

namespace Timeline.Query.Syntax;

/// <summary>
/// Splits a query into tokens, Lucene style. Context matters in two places: after <c>field:</c>
/// (and inside a range) a word is a value and may hold colons and start with <c>-</c>
/// (<c>time:[2024-03-02T03:00 TO 2024-03-02T04:00]</c>, <c>src_ip:fe80::1</c>); elsewhere
/// <c>name:</c> starts a field. <c>\</c> escapes the next character in words and phrases.
/// </summary>
public sealed class QueryLexer
{
    private readonly string _q;
    private int _i;
    private bool _valueNext;
    private bool _inRange;
    private string _lastField = "";

    private QueryLexer(string query) => _q = query;

    public static IReadOnlyList<Token> Tokenize(string query)
    {
        var lexer = new QueryLexer(query);
        var tokens = new List<Token>();
        Token t;
        do tokens.Add(t = lexer.Next());
        while (t.Kind != TokenKind.End);
        return tokens;
    }

    private QuerySyntaxException Error(string problem, int at, int length = 1) => new(problem, _q, at, length);

    private Token Next()
    {
        while (_i < _q.Length && char.IsWhiteSpace(_q[_i])) _i++;
        if (_i >= _q.Length)
        {
            if (_valueNext) throw Error($"expected a value after '{_lastField}:'", _q.Length);
            if (_inRange) throw Error("unclosed range: expected ']' or '}'", _q.Length);
            return new Token(TokenKind.End, "", _q.Length, 0);
        }
        var start = _i;
        var c = _q[_i];
        switch (c)
        {
            case '(':
                _i++;
                _valueNext = false;
                return new Token(TokenKind.LeftParen, "(", start, 1);
            case ')':
                if (_valueNext) throw Error($"expected a value after '{_lastField}:'", start);
                _i++;
                return new Token(TokenKind.RightParen, ")", start, 1);
            case '[' or '{':
                if (_inRange) throw Error("a range cannot hold another range", start);
                _i++;
                _inRange = true;
                _valueNext = false;
                return new Token(TokenKind.RangeOpen, c.ToString(), start, 1);
            case ']' or '}' when _inRange:
                _i++;
                _inRange = false;
                return new Token(TokenKind.RangeClose, c.ToString(), start, 1);
            case '"':
                _valueNext = false;
                return Phrase();
            case '/':
                _valueNext = false;
                return Regex();
        }
        if (_valueNext && c is '>' or '<')
        {
            _i++;
            if (_i < _q.Length && _q[_i] == '=') _i++;
            return new Token(TokenKind.Compare, _q[start.._i], start, _i - start);
        }
        if (!_valueNext && !_inRange)
        {
            if (At("&&")) { _i += 2; return new Token(TokenKind.And, "&&", start, 2); }
            if (At("||")) { _i += 2; return new Token(TokenKind.Or, "||", start, 2); }
            if (c == '!') { _i++; return new Token(TokenKind.Not, "!", start, 1); }
            if (c is '-' or '+')
            {
                _i++;
                if (_i >= _q.Length || char.IsWhiteSpace(_q[_i])) throw Error($"expected a term right after '{c}'", start);
                return new Token(c == '-' ? TokenKind.Minus : TokenKind.Plus, c.ToString(), start, 1);
            }
        }
        return Word();
    }

    private bool At(string s) => string.CompareOrdinal(_q, _i, s, 0, s.Length) == 0;

    private Token Word()
    {
        var start = _i;
        var text = new StringBuilder();
        var glob = new StringBuilder();
        var wildcard = false;
        var escaped = false;
        var value = _valueNext || _inRange;
        while (_i < _q.Length)
        {
            var c = _q[_i];
            if (char.IsWhiteSpace(c) || c is '(' or ')') break;
            if (_inRange && c is ']' or '}') break;
            if (c == '\\')
            {
                if (_i + 1 >= _q.Length) throw Error("nothing to escape after '\\' at the end of the query", _i);
                var next = _q[_i + 1];
                text.Append(next);
                glob.Append(System.Text.RegularExpressions.Regex.Escape(next.ToString()));
                escaped = true;
                _i += 2;
                continue;
            }
            if (c == ':' && !value)
            {
                var name = _q[start.._i];
                if (!escaped && IsFieldName(name))
                {
                    _i++;
                    _valueNext = true;
                    _lastField = name;
                    return new Token(TokenKind.Field, name, start, name.Length);
                }
            }
            if (c is '*' or '?')
            {
                wildcard = true;
                glob.Append(c == '*' ? ".*" : ".");
            }
            else glob.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
            text.Append(c);
            _i++;
        }
        var word = text.ToString();
        _valueNext = false;
        if (!escaped && !value)
        {
            switch (word)
            {
                case "AND": return new Token(TokenKind.And, word, start, 3);
                case "OR": return new Token(TokenKind.Or, word, start, 2);
                case "NOT": return new Token(TokenKind.Not, word, start, 3);
            }
        }
        if (!escaped && _inRange && word == "TO") return new Token(TokenKind.To, word, start, 2);
        return new Token(TokenKind.Word, word, start, _i - start, wildcard ? glob.ToString() : null);
    }

    /// <summary>Field names: a letter or '_' first, then letters, digits, '_', '.', '-' or '@'.</summary>
    public static bool IsFieldName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-' or '@');

    private Token Phrase()
    {
        var start = _i++;
        var text = new StringBuilder();
        while (_i < _q.Length && _q[_i] != '"')
        {
            if (_q[_i] == '\\' && _i + 1 < _q.Length) _i++;
            text.Append(_q[_i++]);
        }
        if (_i >= _q.Length) throw Error("unclosed quote: expected '\"'", start);
        _i++;
        return new Token(TokenKind.Phrase, text.ToString(), start, _i - start);
    }

    private Token Regex()
    {
        var start = _i++;
        var text = new StringBuilder();
        while (_i < _q.Length && _q[_i] != '/')
        {
            if (_q[_i] == '\\' && _i + 1 < _q.Length)
            {
                if (_q[_i + 1] == '/') { text.Append('/'); _i += 2; continue; }
                text.Append('\\');
                _i++;
            }
            text.Append(_q[_i++]);
        }
        if (_i >= _q.Length) throw Error("unclosed regular expression: expected '/' (to search for a path, quote it: \"/tmp/x\")", start);
        _i++;
        if (_i < _q.Length && !char.IsWhiteSpace(_q[_i]) && _q[_i] != ')')
            throw Error("a /regex/ must end at a space or ')'; to search for a path, quote it (\"/tmp/x\") or escape the slashes (\\/tmp\\/x)", start, _i - start + 1);
        var pattern = text.ToString();
        if (pattern.Length == 0) throw Error("empty regular expression '//'", start, 2);
        return new Token(TokenKind.Regex, pattern, start, _i - start);
    }
}
