namespace Timeline.Query.Fields;

/// <summary>A resolved query field: its canonical name and where its value comes from.</summary>
public sealed record QueryField(string Name, FieldKind Kind)
{
    /// <summary>Fields whose values come from findings (matches, chains) rather than the event.</summary>
    public bool NeedsFindings => Kind is FieldKind.Rule or FieldKind.Level or FieldKind.Tag or FieldKind.Phase;
}
