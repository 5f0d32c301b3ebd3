namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>fieldref</c>: the field equals another field of the same event (both must exist).</summary>
public sealed class FieldRefTest(string otherField, bool caseSensitive) : IValueTest
{
    public string? RequiredLiteral => null;

    public bool Test(string? value, IFieldSource source)
    {
        var other = source.Get(otherField);
        return value is not null && other is not null &&
               string.Equals(value, other, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }
}
