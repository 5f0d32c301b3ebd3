namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>year</c>: the field is read as a date/time and replaced by the year before comparing; no zone conversion.</summary>
public sealed class YearModifier : IModifier
{
    public string Name => "year";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (t.Year).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
