namespace Timeline.Detection.Sigma.Matching;

/// <summary>A compiled piece of a detection: a search identifier, a field test or a boolean combination.</summary>
public interface IEventPredicate
{
    bool Matches(IFieldSource source);

    /// <summary>
    /// Literal needles, at least one of which must occur (case-insensitively) in the named field's value
    /// (field null = keyword texts) for the predicate to possibly match; null when no such set is known.
    /// Used only to skip rules early; never changes a result.
    /// </summary>
    IReadOnlyList<Needle>? RequiredNeedles();
}
