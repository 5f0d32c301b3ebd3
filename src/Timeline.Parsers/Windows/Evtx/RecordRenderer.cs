using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Renders a record's Binary XML into a <see cref="DecodedRecord"/>: templates are expanded with the
/// instance's values, BinXml-typed values (0x21) are rendered in place as nested fragments, array
/// values repeat their element once per item, and an optional substitution whose value is NULL drops
/// its element or attribute. Nesting and the total work per record are bounded.
/// <para>
/// Top-level template instances (nearly every record) go through the template's <see cref="TemplatePlan"/>
/// instead, which yields the same fields without walking the tree; records it cannot express are walked.
/// </para>
/// </summary>
internal sealed class RecordRenderer
{
    private const int MaxFragmentDepth = 16;
    private const int MaxNodesPerRecord = 200_000;
    private readonly ChunkData _chunk;
    private readonly BinXmlCompiler _compiler;
    private readonly DecodedRecord _sink;
    private readonly List<ValueSlice> _values = new(64);
    private readonly List<Prepared> _prepared = new(16);
    private int _budget;

    /// <summary>
    /// Item counts of the array values split in this record. An element holding an array is emitted
    /// once per item, and an array element inside it is rendered again on every emission: splitting
    /// its value each time (up to 64 KiB) made the node budget cost seconds (found by afl, issue 11).
    /// </summary>
    private readonly Dictionary<ValueSlice, int> _itemCounts = [];

    private readonly bool _plans;

    /// <summary>Template instances rendered through their plan so far (tests check that plans are used).</summary>
    public int Planned { get; private set; }

    public RecordRenderer(ChunkData chunk, BinXmlCompiler compiler, DecodedRecord sink, bool plans = true)
    {
        _plans = plans;
        _chunk = chunk;
        _compiler = compiler;
        _sink = sink;
    }

    /// <summary>Renders the Binary XML between two chunk offsets (the event part of one record).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(int start, int end)
    {
        _values.Clear();
        _budget = MaxNodesPerRecord;
        _itemCounts.Clear();
        RenderFragment(start, end, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderFragment(int pos, int end, int depth)
    {
        if (depth > MaxFragmentDepth) throw new EvtxFormatException("Binary XML values nested too deeply");
        while (pos < end)
        {
            var kind = BinXmlToken.Kind(_chunk.U8(pos));
            if (kind == BinXmlToken.FragmentHeader) { pos += 4; continue; }
            if (kind == BinXmlToken.EndOfFragment) return;
            if (kind == BinXmlToken.TemplateInstance)
            {
                var first = _values.Count;
                var template = _compiler.ReadInstance(ref pos, _values, depth);
                if (template.Error is not null) throw new EvtxFormatException(template.Error);
                var count = _values.Count - first;
                // At the top of the record the template's plan writes the fields directly, unless a value needs the walk.
                if (depth != 0 || !_plans || !_sink.AtTop || !TryPlan(template, first, count))
                {
                    if (_values.Count > first + count) _values.RemoveRange(first + count, _values.Count - first - count);
                    RenderNodes(template.Roots, CollectionsMarshal.AsSpan(_values).Slice(first, count), depth);
                }
                _values.RemoveRange(first, _values.Count - first);
                continue;
            }
            // A fragment without template (written by some exporters): compiled for this record only.
            // It ends at its end-of-fragment token; bytes after it are padding.
            var nodes = _compiler.CompileFragment(ref pos, end, depth);
            RenderNodes(nodes, [], depth);
            return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderNodes(BinXmlNode[] nodes, ReadOnlySpan<ValueSlice> values, int depth)
    {
        foreach (var node in nodes) RenderNode(node, values, depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderNode(BinXmlNode node, ReadOnlySpan<ValueSlice> values, int depth)
    {
        if (--_budget < 0) throw new EvtxFormatException("record expands to too many nodes");
        switch (node)
        {
            case ElementNode element:
                RenderElement(element, values, depth);
                break;
            case TextNode text:
                _sink.Text(text.Text);
                break;
            case SubstitutionNode substitution:
                RenderValue(At(values, substitution.Index), -1, depth);
                break;
            case InstanceNode instance:
                if (instance.Template.Error is not null) throw new EvtxFormatException(instance.Template.Error);
                if (depth >= MaxFragmentDepth) throw new EvtxFormatException("template instances nested too deeply");
                RenderNodes(instance.Template.Roots, instance.Values, depth + 1);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderElement(ElementNode element, ReadOnlySpan<ValueSlice> values, int depth)
    {
        SubstitutionNode? arrayNode = null;
        var arrayItems = 0;
        foreach (var child in element.Children)
        {
            if (child is not SubstitutionNode s) continue;
            var value = At(values, s.Index);
            if (s.Optional && value.IsNull) return;
            if (arrayNode is null && value.IsArray && (value.Type & 0x7F) != BinXmlValueType.BinXml)
            {
                arrayNode = s;
                if (!_itemCounts.TryGetValue(value, out arrayItems))
                    _itemCounts[value] = arrayItems = ValueFormatter.Items(_chunk.Span(value.Offset, value.Size), value.Type).Count;
            }
        }
        if (arrayNode is null) { Emit(element, values, null, -1, depth); return; }
        if (arrayItems == 0) { Emit(element, values, arrayNode, int.MaxValue, depth); return; }
        for (var item = 0; item < arrayItems; item++) Emit(element, values, arrayNode, item, depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ElementNode element, ReadOnlySpan<ValueSlice> values, SubstitutionNode? arrayNode, int item, int depth)
    {
        // Each emission is a node of the output: an element repeated per array item inside another
        // one repeated per item multiplies, and its array value alone never reached RenderNode's count
        // (32k x 32k emissions of one record; found by afl, issue 11).
        if (item > 0 && --_budget < 0) throw new EvtxFormatException("record expands to too many nodes");
        _sink.StartElement(element.Name);
        foreach (var attribute in element.Attributes)
        {
            if (HasNullOptional(attribute.Value, values)) continue;
            _sink.StartAttribute(attribute.Name);
            foreach (var piece in attribute.Value)
            {
                if (piece is SubstitutionNode s) _sink.Value(At(values, s.Index), -1);
                else if (piece is TextNode t) _sink.Text(t.Text);
            }
            _sink.EndAttribute();
        }
        foreach (var child in element.Children)
        {
            if (arrayNode is not null && ReferenceEquals(child, arrayNode))
            {
                if (item != int.MaxValue) _sink.Value(At(values, arrayNode.Index), item);
            }
            else RenderNode(child, values, depth);
        }
        _sink.EndElement();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderValue(ValueSlice value, int item, int depth)
    {
        if (value.IsNull) return;
        if ((value.Type & 0x7F) == BinXmlValueType.BinXml) RenderFragment(value.Offset, value.Offset + value.Size, depth + 1);
        else _sink.Value(value, item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasNullOptional(BinXmlNode[] pieces, ReadOnlySpan<ValueSlice> values)
    {
        foreach (var piece in pieces)
        {
            if (piece is SubstitutionNode { Optional: true } s && At(values, s.Index).IsNull) return true;
        }
        return false;
    }

    /// <summary>A substitution index past the instance's values reads as NULL, as libfwevt treats it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ValueSlice At(ReadOnlySpan<ValueSlice> values, int index) =>
        (uint)index < (uint)values.Length ? values[index] : default;

    /// <summary>
    /// A fragment value met while preparing a plan (<see cref="Instances"/> template instances follow it in the list),
    /// or one of its template instances: its plan and where its values are in <see cref="_values"/>.
    /// </summary>
    private readonly record struct Prepared(TemplatePlan? Plan, int Start, int Count, int Instances);

    /// <summary>
    /// Renders a top-level template instance through its plan (and the plans of the templates in its fragment values):
    /// first every fragment value is read, in document order, and every value checked; then the plans are applied.
    /// False when something needs the generic walk; nothing has been written then (the walk reads the same bytes again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryPlan(BinXmlTemplate template, int first, int count)
    {
        var plan = template.Plan(0, PlanSection.None);
        if (plan == TemplatePlan.None) return false;
        _prepared.Clear();
        var nodes = 0;
        if (!Prepare(plan, first, count, 0, ref nodes)) return false;
        _budget -= nodes;
        var cursor = 0;
        Apply(plan, first, count, ref cursor);
        Planned++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Prepare(TemplatePlan plan, int first, int count, int depth, ref int nodes)
    {
        var values = CollectionsMarshal.AsSpan(_values).Slice(first, count);
        foreach (var index in plan.FallbackIfNull)
        {
            if (At(values, index).IsNull) return false;
        }
        foreach (var index in plan.ContentValues)
        {
            var value = At(values, index);
            if (!value.IsNull && (value.IsArray || (value.Type & 0x7F) == BinXmlValueType.BinXml)) return false;
        }
        foreach (var index in plan.ItemValues)
        {
            var value = At(values, index);
            if (!value.IsNull && (value.Type & 0x7F) == BinXmlValueType.BinXml) return false;
        }
        // The walk's node budget: checked (conservatively, with every node of the template) before each read.
        nodes += plan.Nodes;
        if (nodes > _budget) return false;
        var ops = plan.Ops;
        var skipTo = 0;
        foreach (var at in plan.Checks)
        {
            if (at < skipTo) continue;
            var op = ops[at];
            if (op.Kind == PlanOpKind.Guard)
            {
                if (TemplatePlan.Dropped(op.Guards, values))
                {
                    nodes -= op.Cost;
                    skipTo = op.SkipTo;
                }
                continue;
            }
            if (op.Kind == PlanOpKind.Entry)
            {
                // The walk visits the element and, per item, its content but the array value: one node, not two.
                if (op.Value!.Items >= 0 && At(values, op.Value.Items).IsArray) nodes--;
                continue;
            }
            var fragment = At(values, op.Index);
            if (fragment.IsNull) continue;
            if ((fragment.Type & 0x7F) != BinXmlValueType.BinXml)
            {
                if (fragment.IsArray) return false; // repeats its element
                continue;
            }
            // RenderFragment(depth + 1): template instances only.
            if (depth + 1 > MaxFragmentDepth) return false;
            var header = _prepared.Count;
            _prepared.Add(default);
            var instances = 0;
            var pos = fragment.Offset;
            var end = fragment.Offset + fragment.Size;
            while (pos < end)
            {
                var kind = BinXmlToken.Kind(_chunk.U8(pos));
                if (kind == BinXmlToken.FragmentHeader) { pos += 4; continue; }
                if (kind == BinXmlToken.EndOfFragment) break;
                if (kind != BinXmlToken.TemplateInstance || nodes > _budget) return false;
                var nestedFirst = _values.Count;
                var nested = _compiler.ReadInstance(ref pos, _values, depth + 1);
                if (nested.Error is not null) return false;
                var nestedPlan = nested.Plan(op.Level, op.Section);
                if (nestedPlan == TemplatePlan.None) return false;
                var nestedCount = _values.Count - nestedFirst;
                _prepared.Add(new Prepared(nestedPlan, nestedFirst, nestedCount, 0));
                if (!Prepare(nestedPlan, nestedFirst, nestedCount, depth + 1, ref nodes)) return false;
                instances++;
            }
            _prepared[header] = new Prepared(null, 0, 0, instances);
            values = CollectionsMarshal.AsSpan(_values).Slice(first, count);
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(TemplatePlan plan, int first, int count, ref int cursor)
    {
        if (plan.HasRoot) _sink.SawRoot();
        var values = CollectionsMarshal.AsSpan(_values).Slice(first, count);
        var ops = plan.Ops;
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            switch (op.Kind)
            {
                case PlanOpKind.Entry:
                    _sink.Apply(op.Value!, values);
                    break;
                case PlanOpKind.Guard:
                    if (TemplatePlan.Dropped(op.Guards, values)) i = op.SkipTo - 1;
                    break;
                default:
                    var fragment = At(values, op.Index);
                    if (fragment.IsNull || (fragment.Type & 0x7F) != BinXmlValueType.BinXml) break;
                    var instances = _prepared[cursor++].Instances;
                    for (var k = 0; k < instances; k++)
                    {
                        var nested = _prepared[cursor++];
                        Apply(nested.Plan!, nested.Start, nested.Count, ref cursor);
                    }
                    break;
            }
        }
    }
}
