using Timeline.Core.Events;

namespace Timeline.Detection.Sigma.Mappings;

/// <summary>
/// One logsource a parser's events can satisfy: the Sigma triple, the condition on native fields that
/// selects the events (<c>when</c>: field → allowed values, all must hold, case-insensitive), and field
/// names that differ for this logsource (merged over the parser-wide table).
/// </summary>
public sealed class SourceMappingEntry
{
    public required LogSource LogSource { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> When { get; init; }
    /// <summary>Sigma field → native field for events of this entry (parser-wide names merged in).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>Whether a rule with <paramref name="rule"/> as logsource applies: every part the rule sets must equal this entry's.</summary>
    public bool Satisfies(LogSource rule) =>
        Same(rule.Product, LogSource.Product) && Same(rule.Category, LogSource.Category) && Same(rule.Service, LogSource.Service);

    private static bool Same(string? wanted, string? offered) =>
        wanted is null || (offered is not null && string.Equals(wanted, offered, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the event meets <see cref="When"/>.</summary>
    public bool Admits(EventRecord record)
    {
        foreach (var (field, allowed) in When)
        {
            var value = record.Fields.Get(field);
            if (value is null) return false;
            var ok = false;
            foreach (var a in allowed)
                if (string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) { ok = true; break; }
            if (!ok) return false;
        }
        return true;
    }
}
