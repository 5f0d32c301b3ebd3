namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>field|exists: true|false</c>: presence of the field, whatever its value.</summary>
public sealed class ExistsTest(bool expected) : IValueTest
{
    public string? RequiredLiteral => null;
    public bool Test(string? value, IFieldSource source) => (value is not null) == expected;
}
