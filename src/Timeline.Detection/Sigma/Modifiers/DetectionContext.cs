using Timeline.Core.Limits;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>What modifiers may consult while a rule compiles: placeholder values, diagnostics, and a warning sink.</summary>
public sealed class DetectionContext(IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders, MatchDiagnostics diagnostics)
{
    private readonly List<string> _warnings = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } = placeholders;
    public MatchDiagnostics Diagnostics { get; } = diagnostics;
    public IReadOnlyList<string> Warnings => _warnings;
    public void Warn(string message) => _warnings.Add(message);

    private int _values;
    private int _regexes;

    /// <summary>
    /// Counts one detection item's values (after transformation modifiers) against the bounds per
    /// rule (<see cref="Bounds.ValuesPerRule"/>, <see cref="Bounds.RegexesPerRule"/>) and per loaded
    /// rule set (<see cref="Bounds.RegexesPerRuleSet"/>), before any of them is compiled.
    /// </summary>
    public void CountValues(int values, bool regexes, int line)
    {
        _values += values;
        if (_values > Bounds.ValuesPerRule)
            throw new RuleLoadException(line, $"the rule has more than {Bounds.ValuesPerRule:N0} values (the largest SigmaHQ rule has ~4,400)", "bounds:values");
        if (!regexes) return;
        _regexes += values;
        if (_regexes > Bounds.RegexesPerRule)
            throw new RuleLoadException(line, $"the rule has more than {Bounds.RegexesPerRule:N0} regular expressions (each costs memory to compile)", "bounds:regexes");
        if (Diagnostics.CompiledRegexes + values > Bounds.RegexesPerRuleSet)
            throw new RuleLoadException(line, $"the rules loaded hold more than {Bounds.RegexesPerRuleSet:N0} regular expressions; this rule is not loaded", "bounds:regexes");
    }
}
