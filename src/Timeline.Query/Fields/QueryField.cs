namespace Timeline.Query.Fields;

/// <summary>A resolved query field: its canonical name and where its value comes from.</summary>
public sealed record QueryField(string Name, FieldKind Kind);
