namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>month</c>: the field is read as a date/time and replaced by the month (1-12) before comparing; no zone conversion.</summary>
public sealed class MonthModifier : IModifier
{
    public string Name => "month";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (t.Month).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
