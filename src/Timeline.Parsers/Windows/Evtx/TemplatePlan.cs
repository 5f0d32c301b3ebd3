using System.Runtime.CompilerServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// A template compiled once into what <see cref="DecodedRecord"/> keeps of it: the System values,
/// TimeCreated and the data fields it yields, in document order, each with the pieces (constant text
/// and substitution indices) its text is made of and its field (System field, or data name, or an
/// unnamed <c>Data</c> to number). Applying the plan to a record's values gives exactly what walking the
/// template through the sink would, without the walk: no element stack, no name comparisons.
/// <para>
/// A plan depends on where the template is rendered (the level and section of the element around it):
/// the record's template at the top, or e.g. an EventData template held in a BinXml value inside the root
/// element, whose plan the renderer applies in place of that value (<see cref="PlanOpKind.Nested"/>).
/// Elements that a NULL optional substitution removes are skipped with their output
/// (<see cref="PlanOpKind.Guard"/>), and a data element whose content is one array value is repeated per item.
/// </para>
/// <para>
/// A record falls back to the generic walk when one of its values would change the shape otherwise: a
/// BinXml or array value where text is kept (or an array that would repeat an element whose text is not
/// kept), or a NULL optional substitution that removes the root element or an element below level 3 of a
/// System or data section (its parent's text or leaf status would change). Templates holding nested
/// template instances get no plan.
/// </para>
/// </summary>
internal sealed class TemplatePlan
{
    /// <summary>Marks a template that has no plan (it holds a nested template instance).</summary>
    public static readonly TemplatePlan None = new([], [], [], [], false, 0);

    private TemplatePlan(PlanOp[] ops, int[] fallbackIfNull, int[] contentValues, int[] itemValues, bool hasRoot, int nodes)
    {
        ItemValues = itemValues;
        Ops = ops;
        var checks = new List<int>();
        for (var i = 0; i < ops.Length; i++)
        {
            if (ops[i].Kind != PlanOpKind.Entry || ops[i].Value!.Items >= 0) checks.Add(i);
        }
        Checks = [.. checks];
        FallbackIfNull = fallbackIfNull;
        ContentValues = contentValues;
        HasRoot = hasRoot;
        Nodes = nodes;
    }

    /// <summary>What the template yields, in document order.</summary>
    public PlanOp[] Ops { get; }

    /// <summary>The ops a record's values are checked against before the plan is applied: removals, fragment values, array items.</summary>
    public int[] Checks { get; }

    /// <summary>Optional substitutions whose NULL value would change the shape: the record takes the generic walk.</summary>
    public int[] FallbackIfNull { get; }

    /// <summary>Substitutions that are the content of a kept element: a BinXml or array value there takes the generic walk.</summary>
    public int[] ContentValues { get; }

    /// <summary>Substitutions that are the whole content of a data element (arrays allowed): a BinXml value there takes the generic walk.</summary>
    public int[] ItemValues { get; }

    /// <summary>The template has a root element (the record then holds an XML element).</summary>
    public bool HasRoot { get; }

    /// <summary>The nodes the generic walk visits for the template when no element is removed (its budget).</summary>
    public int Nodes { get; }

    /// <summary>
    /// The plan of a compiled template rendered below an element at <paramref name="level"/> (0 at the top of the
    /// record; 1 inside the root element, ...) in <paramref name="section"/>, or <see cref="None"/>.
    /// </summary>
    public static TemplatePlan Compile(BinXmlTemplate template, int level, PlanSection section)
    {
        var builder = new Builder();
        var hasRoot = false;
        var nodes = 0;
        foreach (var node in template.Roots)
        {
            nodes++;
            switch (node)
            {
                case InstanceNode:
                    return None;
                case ElementNode element:
                    hasRoot |= level == 0;
                    if (!builder.Element(element, level + 1, section, [], out var size)) return None;
                    nodes += size - 1;
                    break;
                case SubstitutionNode s:
                    builder.Ops.Add(PlanOp.Nested(s.Index, level, section));
                    break;
            }
        }
        return new TemplatePlan([.. builder.Ops], [.. builder.FallbackIfNull], [.. builder.Content], [.. builder.Items], hasRoot, nodes);
    }

    private sealed class Builder
    {
        public readonly List<PlanOp> Ops = [];
        public readonly List<int> FallbackIfNull = [];
        public readonly List<int> Content = [];
        public readonly List<int> Items = [];

        /// <summary>
        /// <paramref name="level"/>: 1 for the root element, 2 for System/EventData/UserData, ...; <paramref name="size"/>:
        /// the nodes of the element's subtree, itself included.
        /// </summary>
        public bool Element(ElementNode element, int level, PlanSection parent, int[] guards, out int size)
        {
            size = 1;
            var section = level switch
            {
                1 => PlanSection.None,
                2 => element.Name switch { "System" => PlanSection.System, "EventData" or "UserData" => PlanSection.Data, _ => PlanSection.Other },
                _ => parent,
            };
            var captured = level >= 3 && section is PlanSection.System or PlanSection.Data;
            // A data element whose content is one substitution takes an array value as well: one field value per item.
            var items = captured && section == PlanSection.Data && element.Children is [SubstitutionNode only] ? only.Index : -1;
            var drops = new List<int>();
            var hasChildElements = false;
            foreach (var child in element.Children)
            {
                switch (child)
                {
                    case InstanceNode:
                        return false;
                    case ElementNode:
                        hasChildElements = true;
                        break;
                    case SubstitutionNode s:
                        if (s.Optional) drops.Add(s.Index);
                        break;
                }
            }
            var guardAt = -1;
            if (drops.Count > 0)
            {
                // Removing an element at level 2 or 3, or one whose text is not kept, removes just its own output;
                // removing the root, or a deeper element of a kept section, would change its parent's.
                if (level is 2 or 3 || (level > 3 && !captured))
                {
                    guardAt = Ops.Count;
                    Ops.Add(null!);
                }
                else FallbackIfNull.AddRange(drops);
            }

            // Attributes come first (each finished at its end), then the children, then the element's own text.
            List<(BinXmlNode[] Pieces, int[] Guards)>? names = null;
            foreach (var attribute in element.Attributes)
            {
                var attributeGuards = Guards(attribute.Value);
                if (section == PlanSection.System && level == 3)
                {
                    if (element.Name == "TimeCreated" && attribute.Name == "SystemTime")
                        Ops.Add(PlanOp.Entry(new PlanEntry(PlanKind.TimeCreated, SystemField.Count, null, null, attribute.Value, true, attributeGuards, -1)));
                    else if (SystemAttribute(element.Name, attribute.Name) is var field and not SystemField.Count)
                        Ops.Add(PlanOp.Entry(new PlanEntry(PlanKind.System, field, null, null, attribute.Value, true, attributeGuards, -1)));
                }
                else if (section == PlanSection.Data && level >= 3 && attribute.Name == "Name" && element.Name == "Data")
                {
                    (names ??= []).Add((attribute.Value, attributeGuards));
                }
            }
            foreach (var child in element.Children)
            {
                size++;
                if (child is ElementNode e)
                {
                    if (!Element(e, level + 1, section, guards, out var childSize)) return false;
                    size += childSize - 1;
                }
                else if (child is SubstitutionNode s)
                {
                    // Content of a kept text is collected below; elsewhere a value only matters when it is a fragment.
                    if (captured && s.Index != items) Content.Add(s.Index);
                    else if (captured) Items.Add(s.Index);
                    else Ops.Add(PlanOp.Nested(s.Index, level, section));
                }
            }
            if (captured)
            {
                if (section == PlanSection.System)
                {
                    if (level == 3 && SystemText(element.Name) is var field and not SystemField.Count)
                        Ops.Add(PlanOp.Entry(new PlanEntry(PlanKind.System, field, null, null, TextAfterLastElement(element.Children), false, [], -1)));
                }
                else if (!hasChildElements)
                {
                    PlanEntry entry;
                    if (element.Name != "Data") entry = new PlanEntry(PlanKind.Data, SystemField.Count, element.Name, null, element.Children, false, [], items);
                    else if (names is null) entry = new PlanEntry(PlanKind.Data, SystemField.Count, null, null, element.Children, false, [], items);
                    else if (names.Count == 1 && Array.TrueForAll(names[0].Pieces, p => p is TextNode))
                    {
                        var name = string.Concat(names[0].Pieces.Select(p => ((TextNode)p).Text));
                        entry = new PlanEntry(PlanKind.Data, SystemField.Count, name.Length == 0 ? null : name, null, element.Children, false, [], items);
                    }
                    else entry = new PlanEntry(PlanKind.Data, SystemField.Count, null, [.. names], element.Children, false, [], items);
                    Ops.Add(PlanOp.Entry(entry));
                }
            }
            if (guardAt >= 0) Ops[guardAt] = new PlanOp(PlanOpKind.Guard, 0, [.. drops], Ops.Count, size - 1, 0, PlanSection.None, null);
            return true;
        }

        /// <summary>An attribute is left out when one of its optional substitutions is NULL.</summary>
        private static int[] Guards(BinXmlNode[] pieces) => pieces.OfType<SubstitutionNode>().Where(s => s.Optional).Select(s => s.Index).ToArray();

        /// <summary>A child element's start and end clear the text collected so far: only the pieces after the last one count.</summary>
        private static BinXmlNode[] TextAfterLastElement(BinXmlNode[] children)
        {
            var last = Array.FindLastIndex(children, c => c is ElementNode);
            return last < 0 ? children : children[(last + 1)..];
        }
    }

    /// <summary>The System element kept as text (see DecodedRecord.SystemText).</summary>
    public static SystemField SystemText(string element) => element switch
    {
        "EventID" => SystemField.EventId,
        "Version" => SystemField.Version,
        "Level" => SystemField.Level,
        "Task" => SystemField.Task,
        "Opcode" => SystemField.Opcode,
        "Keywords" => SystemField.Keywords,
        "EventRecordID" => SystemField.EventRecordId,
        "Channel" => SystemField.Channel,
        "Computer" => SystemField.Computer,
        _ => SystemField.Count,
    };

    /// <summary>The System attribute kept (TimeCreated/@SystemTime aside; see DecodedRecord.SystemAttribute).</summary>
    public static SystemField SystemAttribute(string element, string attribute) => (element, attribute) switch
    {
        ("Provider", "Name") => SystemField.Provider,
        ("Provider", "Guid") => SystemField.ProviderGuid,
        ("Provider", "EventSourceName") => SystemField.EventSourceName,
        ("EventID", "Qualifiers") => SystemField.EventIdQualifiers,
        ("Correlation", "ActivityID") => SystemField.ActivityId,
        ("Correlation", "RelatedActivityID") => SystemField.RelatedActivityId,
        ("Execution", "ProcessID") => SystemField.ProcessId,
        ("Execution", "ThreadID") => SystemField.ThreadId,
        ("Security", "UserID") => SystemField.UserId,
        _ => SystemField.Count,
    };

    /// <summary>True when one of <paramref name="guards"/> (optional substitutions) is NULL: the piece of output is left out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Dropped(int[] guards, ReadOnlySpan<ValueSlice> values)
    {
        foreach (var index in guards)
        {
            if ((uint)index >= (uint)values.Length || values[index].IsNull) return true;
        }
        return false;
    }
}

internal enum PlanKind : byte { System, TimeCreated, Data }

internal enum PlanSection : byte { None, System, Data, Other }

internal enum PlanOpKind : byte
{
    /// <summary>A System value, TimeCreated or a data field (<see cref="PlanOp.Value"/>).</summary>
    Entry,
    /// <summary>
    /// An element that a NULL optional substitution (<see cref="PlanOp.Guards"/>) removes: when one is NULL, the ops up to
    /// <see cref="PlanOp.SkipTo"/> are skipped, and so are the <see cref="PlanOp.Cost"/> nodes below the element.
    /// </summary>
    Guard,
    /// <summary>
    /// Substitution <see cref="PlanOp.Index"/> in content whose text is not kept, below an element at <see cref="PlanOp.Level"/>
    /// in <see cref="PlanOp.Section"/>: a BinXml value there is a fragment rendered in place.
    /// </summary>
    Nested,
}

/// <summary>One step of a <see cref="TemplatePlan"/>.</summary>
internal sealed record PlanOp(PlanOpKind Kind, int Index, int[] Guards, int SkipTo, int Cost, int Level, PlanSection Section, PlanEntry? Value)
{
    public static PlanOp Entry(PlanEntry entry) => new(PlanOpKind.Entry, 0, [], 0, 0, 0, PlanSection.None, entry);

    public static PlanOp Nested(int index, int level, PlanSection section) => new(PlanOpKind.Nested, index, [], 0, 0, level, section, null);
}

/// <summary>
/// One value the plan yields. <see cref="Pieces"/> are <see cref="TextNode"/>s and <see cref="SubstitutionNode"/>s:
/// in an attribute value every substitution counts (NULL ones as empty text), in element content NULL ones are skipped.
/// A data entry is named <see cref="Name"/>, or by its <see cref="Names"/> attributes (the last one present),
/// or numbered (<c>Data1</c>, ...) when neither gives a name. A data element whose only content is substitution
/// <see cref="Items"/> is repeated for each item of an array value there, as the walk repeats it (no item: once, empty).
/// </summary>
internal sealed record PlanEntry(PlanKind Kind, SystemField Field, string? Name, (BinXmlNode[] Pieces, int[] Guards)[]? Names,
    BinXmlNode[] Pieces, bool Attribute, int[] Guards, int Items);
