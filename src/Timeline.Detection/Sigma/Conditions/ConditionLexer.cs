namespace Timeline.Detection.Sigma.Conditions;

/// <summary>Splits a condition expression into words and parentheses.</summary>
public static class ConditionLexer
{
    public static List<string> Split(string expression)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= expression.Length; i++)
        {
            var c = i < expression.Length ? expression[i] : ' ';
            var boundary = char.IsWhiteSpace(c) || c is '(' or ')';
            if (boundary)
            {
                if (start >= 0) tokens.Add(expression[start..i]);
                start = -1;
                if (c is '(' or ')') tokens.Add(c.ToString());
            }
            else if (start < 0) start = i;
        }
        return tokens;
    }
}
