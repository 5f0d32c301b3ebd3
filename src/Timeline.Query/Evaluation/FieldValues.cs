using Timeline.Core.Store;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Query.Fields;

namespace Timeline.Query.Evaluation;

/// <summary>
/// Reads a field's value(s) from an event: one value for event fields and stored fields, several
/// for findings (an event can match several rules, each with several tags).
/// </summary>
public static class FieldValues
{
    /// <summary>Whether any value of <paramref name="field"/> on <paramref name="e"/> passes <paramref name="test"/>.</summary>
    public static bool Any(QueryField field, EventRecord e, EventFindings findings, Func<string, bool> test)
    {
        switch (field.Kind)
        {
            case FieldKind.File:
                return test(e.Origin.File) || test(Path.GetFileName(e.Origin.File));
            case FieldKind.Sha256:
                return test(e.Origin.Sha256);
            case FieldKind.Rule:
                foreach (var r in findings.RulesOf(e.Id))
                    if (test(r.RuleId) || test(r.Title)) return true;
                return false;
            case FieldKind.Level:
                foreach (var r in findings.RulesOf(e.Id))
                    if (test(r.Level)) return true;
                return false;
            case FieldKind.Tag:
                foreach (var r in findings.RulesOf(e.Id))
                    foreach (var tag in r.Tags)
                        if (test(tag) || (tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && test(tag["attack.".Length..]))) return true;
                return false;
            default:
                return Single(field, e, findings) is { } v && test(v);
        }
    }

    /// <summary>Every value of the field on the event (for counting and table columns).</summary>
    public static IEnumerable<string> All(QueryField field, EventRecord e, EventFindings findings) => field.Kind switch
    {
        FieldKind.Rule => findings.RulesOf(e.Id).Select(r => r.RuleId + " " + r.Title).Distinct(StringComparer.Ordinal),
        FieldKind.Level => findings.RulesOf(e.Id).Select(r => r.Level).Distinct(StringComparer.Ordinal),
        FieldKind.Tag => findings.RulesOf(e.Id).SelectMany(r => r.Tags).Distinct(StringComparer.Ordinal),
        _ => Single(field, e, findings) is { } v ? [v] : [],
    };

    public static string? Single(QueryField field, EventRecord e, EventFindings findings) => field.Kind switch
    {
        FieldKind.Time => e.Ticks is { } t ? TimeText.Format(t) : null,
        FieldKind.Host => e.Host,
        FieldKind.Parser => e.Parser,
        FieldKind.Message => e.Message,
        FieldKind.Id => e.Id,
        FieldKind.File => e.Origin.File,
        FieldKind.Sha256 => e.Origin.Sha256,
        FieldKind.TimeQuality => TimeQualityText.Format(e.TimeQuality),
        FieldKind.Phase => findings.PhaseNameOf(e.Id),
        FieldKind.Rule or FieldKind.Level or FieldKind.Tag => All(field, e, findings).FirstOrDefault(),
        _ => e.Fields.Get(field.Name),
    };
}
