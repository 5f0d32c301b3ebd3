namespace Timeline.Core.Findings;

/// <summary>
/// A detection rule that matched an event. <see cref="Author"/> is kept because the Detection Rule
/// License requires crediting rule authors wherever matches are shown.
/// </summary>
public sealed record RuleMatch(
    string EventId,
    string RuleId,
    string Title,
    string Level,
    IReadOnlyList<string> Tags,
    string Author);
