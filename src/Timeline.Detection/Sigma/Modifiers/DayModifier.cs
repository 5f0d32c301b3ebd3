namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>day</c>: the field is read as a date/time and replaced by the day of the month (1-31) before comparing; no zone conversion.</summary>
public sealed class DayModifier : IModifier
{
    public string Name => "day";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (t.Day).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
