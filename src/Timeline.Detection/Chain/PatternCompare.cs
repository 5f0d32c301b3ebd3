namespace Timeline.Detection.Chain;

/// <summary>How the values of a <see cref="PatternList"/> are compared with a command (spelled in <c>sigma/commands/*.yml</c> and <c>sigma/patterns/*.yml</c> as <c>compare:</c>).</summary>
public enum PatternCompare
{
    /// <summary><c>contains</c>: ordinal substring of the command.</summary>
    Contains,
    /// <summary><c>contains-ignore-case</c>: substring, <see cref="StringComparison.OrdinalIgnoreCase"/>.</summary>
    ContainsIgnoreCase,
    /// <summary><c>lower-contains</c>: ordinal substring of the invariant lower-cased command; values must be lower case.</summary>
    LowerContains,
    /// <summary><c>lower-starts-with</c>: the lower-cased command starts with the value.</summary>
    LowerStartsWith,
    /// <summary><c>lower-regex</c>: .NET regex over the lower-cased command.</summary>
    LowerRegex,
    /// <summary><c>regex</c>: .NET regex over the command, case ignored, culture-invariant, 1 s timeout.</summary>
    Regex,
    /// <summary><c>exact</c>: the whole text equals the value (ordinal).</summary>
    Exact,
    /// <summary><c>starts-with</c>: the text starts with the value (ordinal).</summary>
    StartsWith,
    /// <summary><c>linear-regex</c>: .NET regex, case matters, non-backtracking (linear in the text: no lookarounds or backreferences); for log lines, where capture groups carry values.</summary>
    LinearRegex,
    /// <summary><c>first-word</c>: the program of one of the line's simple commands equals the value.</summary>
    FirstWord,
    /// <summary><c>first-word-prefix</c>: the program of one of the line's simple commands starts with the value.</summary>
    FirstWordPrefix,
}
