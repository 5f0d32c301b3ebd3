namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>week</c>: the field is read as a date/time and replaced by the ISO week of the year (1-53) before comparing; no zone conversion.</summary>
public sealed class WeekModifier : IModifier
{
    public string Name => "week";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (System.Globalization.ISOWeek.GetWeekOfYear(t)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
