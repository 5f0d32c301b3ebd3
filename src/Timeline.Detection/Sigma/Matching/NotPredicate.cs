namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>not x</c>.</summary>
public sealed class NotPredicate(IEventPredicate inner) : IEventPredicate
{
    public bool Matches(IFieldSource source) => !inner.Matches(source);
    public IReadOnlyList<Needle>? RequiredNeedles() => null;
}
