namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// A compiled template definition. In the chunk it is laid out as:
/// <code>
/// 0  4  offset of the next definition in the same hash bucket (0 = none)
/// 4  16 template GUID
/// 20 4  data size (fragment header, element and end-of-fragment token)
/// 24 .. Binary XML with substitution tokens (%0, %1, ...)
/// </code>
/// A failed compile is cached too (<see cref="Error"/>), so every record using a broken template
/// gets a warning without re-reading it.
/// </summary>
internal sealed class BinXmlTemplate(BinXmlNode[] roots, string? error = null)
{
    public BinXmlNode[] Roots { get; } = roots;
    public string? Error { get; } = error;

    private (int Key, TemplatePlan Plan)[] _plans = [];

    /// <summary>
    /// The template's field plan below an element at <paramref name="level"/> of <paramref name="section"/>, compiled
    /// at first use (a template is shared by one worker only, never across threads).
    /// </summary>
    public TemplatePlan Plan(int level, PlanSection section)
    {
        var key = (level << 2) | (int)section;
        foreach (var (k, plan) in _plans)
        {
            if (k == key) return plan;
        }
        var compiled = Error is null ? TemplatePlan.Compile(this, level, section) : TemplatePlan.None;
        if (_plans.Length < 8) _plans = [.. _plans, (key, compiled)];
        return compiled;
    }
}
