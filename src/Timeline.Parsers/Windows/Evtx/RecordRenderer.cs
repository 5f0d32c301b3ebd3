using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Renders a record's Binary XML into a <see cref="DecodedRecord"/>: templates are expanded with the
/// instance's values, BinXml-typed values (0x21) are rendered in place as nested fragments, array
/// values repeat their element once per item, and an optional substitution whose value is NULL drops
/// its element or attribute. Nesting and the total work per record are bounded.
/// </summary>
internal sealed class RecordRenderer
{
    private const int MaxFragmentDepth = 16;
    private const int MaxNodesPerRecord = 200_000;
    private readonly ChunkData _chunk;
    private readonly BinXmlCompiler _compiler;
    private readonly DecodedRecord _sink;
    private readonly List<ValueSlice> _values = new(64);
    private int _budget;

    public RecordRenderer(ChunkData chunk, BinXmlCompiler compiler, DecodedRecord sink)
    {
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
                RenderNodes(template.Roots, CollectionsMarshal.AsSpan(_values).Slice(first, count), depth);
                _values.RemoveRange(first, count);
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
                arrayItems = ValueFormatter.Items(_chunk.Span(value.Offset, value.Size), value.Type).Count;
            }
        }
        if (arrayNode is null) { Emit(element, values, null, -1, depth); return; }
        if (arrayItems == 0) { Emit(element, values, arrayNode, int.MaxValue, depth); return; }
        for (var item = 0; item < arrayItems; item++) Emit(element, values, arrayNode, item, depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ElementNode element, ReadOnlySpan<ValueSlice> values, SubstitutionNode? arrayNode, int item, int depth)
    {
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
}
