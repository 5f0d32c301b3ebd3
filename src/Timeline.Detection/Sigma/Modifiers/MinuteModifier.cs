namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>minute</c>: the field is read as a date/time and replaced by the minute (0-59) before comparing; no zone conversion.</summary>
public sealed class MinuteModifier : IModifier
{
    public string Name => "minute";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Extract = value => TimeParts.TryParse(value, out var t) ? (t.Minute).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return pattern;
    }
}
