namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>hour</c>: the field is read as a date/time and replaced by the hour (0-23) before comparing; no zone conversion.</summary>
public sealed class HourModifier : IModifier
{
    public string Name => "hour";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (t.Hour).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
