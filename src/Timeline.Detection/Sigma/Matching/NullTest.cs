namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>field: null</c>: the field is absent. Parsers never store empty values, so empty counts as absent.</summary>
public sealed class NullTest : IValueTest
{
    public string? RequiredLiteral => null;
    public bool Test(string? value, IFieldSource source) => string.IsNullOrEmpty(value);
}
