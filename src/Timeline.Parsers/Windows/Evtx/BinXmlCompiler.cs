using System.Runtime.CompilerServices;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Reads Binary XML tokens into a <see cref="BinXmlNode"/> tree. Every token advances the position
/// and nesting is bounded, so damaged input ends in an <see cref="EvtxFormatException"/>, never a loop.
/// </summary>
internal sealed class BinXmlCompiler
{
    public const int MaxDepth = 64;
    private readonly ChunkData _chunk;
    private readonly TemplateCache? _shared;

    // While a template definition compiles: what it depends on (see TemplateCache), null otherwise.
    private List<TemplateFixup>? _fixups;
    private int _fixupBase;
    private int _deepest;
    private bool _shareable;

    public BinXmlCompiler(ChunkData chunk, TemplateCache? shared = null)
    {
        _chunk = chunk;
        _shared = shared;
    }

    /// <summary>
    /// Compiles a fragment sequence from <paramref name="pos"/> up to <paramref name="end"/> or the
    /// end-of-fragment token, whichever comes first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinXmlNode[] CompileFragment(ref int pos, int end, int depth = 0)
    {
        var nodes = new List<BinXmlNode>(1);
        CompileContent(ref pos, end, nodes, depth, insideElement: false);
        return nodes.ToArray();
    }

    /// <summary>
    /// The template definition at a chunk offset, compiled on first use and cached in the chunk
    /// (a failure is cached as well).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinXmlTemplate Template(int offset, int depth)
    {
        if (_chunk.TryGetTemplate(offset, out var cached)) return cached;
        BinXmlTemplate template;
        var (outerFixups, outerBase, outerDeepest, outerShareable) = (_fixups, _fixupBase, _deepest, _shareable);
        try
        {
            var size = _chunk.Offset32(offset + 20);
            var pos = offset + 24;
            var whole = (long)pos + size <= _chunk.Length;
            var end = (int)Math.Min((long)pos + size, _chunk.Length);
            if (whole && _shared?.Find(_chunk, this, offset, size, depth + 1) is { } known)
            {
                template = known;
            }
            else
            {
                _fixups = whole && _shared is not null ? new List<TemplateFixup>() : null;
                _fixupBase = pos;
                _deepest = depth + 1;
                _shareable = true;
                template = new BinXmlTemplate(CompileFragment(ref pos, end, depth + 1));
                if (_fixups is not null && _shareable && pos <= end) _shared!.Add(_chunk, offset, size, template, _fixups, _deepest - (depth + 1));
            }
        }
        catch (EvtxFormatException ex)
        {
            template = new BinXmlTemplate([], $"template at chunk offset 0x{offset:X}: {ex.Message}");
        }
        finally
        {
            (_fixups, _fixupBase, _deepest, _shareable) = (outerFixups, outerBase, outerDeepest, outerShareable);
        }
        _chunk.AddTemplate(offset, template);
        return template;
    }

    /// <summary>
    /// A template instance (token 0x0C):
    /// <code>
    /// 0 1 0x0C   1 1 unknown (1)   2 4 template id   6 4 definition offset
    /// [definition, when its offset is the next byte: stored here the first time it is used]
    /// 4  number of values (n), then n x (2 size, 1 type, 1 unused), then the values back to back
    /// </code>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinXmlTemplate ReadInstance(ref int pos, List<ValueSlice> values, int depth)
    {
        var defOffset = _chunk.Offset32(pos + 6);
        pos += 10;
        if (defOffset == pos) pos += 24 + _chunk.Offset32(pos + 20);
        var template = Template(defOffset, depth);
        var count = _chunk.Offset32(pos);
        pos += 4;
        if ((long)count * 4 > _chunk.Length - pos) throw new EvtxFormatException($"template instance claims {count} values");
        var data = pos + (count * 4);
        var descriptors = _chunk.Span(pos, count * 4);
        for (var i = 0; i < count; i++)
        {
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(descriptors[(i * 4)..]);
            var type = descriptors[(i * 4) + 2];
            if (data + size > _chunk.Length) throw new EvtxFormatException($"value {i} of a template instance runs past the chunk");
            values.Add(new ValueSlice(data, size, type));
            data += size;
        }
        pos = data;
        return template;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CompileContent(ref int pos, int end, List<BinXmlNode> nodes, int depth, bool insideElement)
    {
        if (depth > MaxDepth) throw new EvtxFormatException("elements nested too deeply");
        if (depth > _deepest) _deepest = depth;
        while (pos < end)
        {
            var token = _chunk.U8(pos);
            switch (BinXmlToken.Kind(token))
            {
                case BinXmlToken.EndOfFragment:
                    pos++;
                    if (insideElement) throw new EvtxFormatException($"fragment ends inside an element at 0x{pos - 1:X}");
                    return;
                case BinXmlToken.FragmentHeader:
                    pos += 4;
                    break;
                case BinXmlToken.OpenStartElement:
                    nodes.Add(CompileElement(ref pos, end, depth + 1));
                    break;
                case BinXmlToken.EndElement:
                    if (!insideElement) throw new EvtxFormatException($"end tag without element at 0x{pos:X}");
                    pos++;
                    return;
                case BinXmlToken.TemplateInstance:
                    _shareable = false;
                    var values = new List<ValueSlice>();
                    var template = ReadInstance(ref pos, values, depth);
                    nodes.Add(new InstanceNode(template, values.ToArray()));
                    break;
                default:
                    nodes.Add(ReadPiece(ref pos, token));
                    break;
            }
        }
        if (insideElement) throw new EvtxFormatException("element runs past the end of its data");
    }

    /// <summary>
    /// Element start:
    /// <code>0 1 0x01|0x41   1 2 dependency id   3 4 data size   7 4 name offset   [inline name]   [attribute list]</code>
    /// The dependency id is missing in fragments held by BinXml (0x21) values; the name offset tells
    /// the two layouts apart, since an inline name starts right after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ElementNode CompileElement(ref int pos, int end, int depth)
    {
        var token = _chunk.U8(pos);
        var withId = DependencyIdPresent(pos);
        _fixups?.Add(new TemplateFixup(pos - _fixupBase, withId ? TemplateFixupKind.DependencyId : TemplateFixupKind.NoDependencyId, null));
        var nameAt = withId ? pos + 7 : pos + 5;
        var name = ReadName(ref pos, nameAt);
        var attributes = Array.Empty<BinXmlAttribute>();
        if ((token & BinXmlToken.MoreFlag) != 0)
        {
            pos += 4; // attribute list size
            attributes = ReadAttributes(ref pos, end);
        }
        var close = _chunk.U8(pos);
        pos++;
        switch (close)
        {
            case BinXmlToken.CloseEmptyElement:
                return new ElementNode(name, attributes, []);
            case BinXmlToken.CloseStartElement:
                var children = new List<BinXmlNode>(1);
                CompileContent(ref pos, end, children, depth, insideElement: true);
                return new ElementNode(name, attributes, children.ToArray());
            default:
                throw new EvtxFormatException($"element <{name}> has no closing token (0x{close:X2} at 0x{pos - 1:X})");
        }
    }

    /// <summary>
    /// Reads the name offset at <paramref name="at"/> and skips the inline name after it, if it is there;
    /// the name itself is read only when <paramref name="resolve"/> (a PI target's name is never looked at).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadName(ref int pos, int at, bool resolve = true)
    {
        var nameOffset = _chunk.Offset32(at);
        pos = at + 4;
        var inline = nameOffset == pos;
        if (inline) pos += _chunk.NameSize(nameOffset);
        var name = resolve ? _chunk.Name(nameOffset) : "";
        _fixups?.Add(new TemplateFixup(at - _fixupBase, inline ? TemplateFixupKind.InlineName : resolve ? TemplateFixupKind.NameReference : TemplateFixupKind.UnreadNameReference, name));
        return name;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool DependencyIdPresent(int pos)
    {
        if (pos + 11 > _chunk.Length) return false;
        var withId = _chunk.U32(pos + 7);
        if (withId == pos + 11) return true;
        var withoutId = _chunk.U32(pos + 5);
        if (withoutId == pos + 9) return false;
        return withId < pos || withoutId >= pos;
    }

    /// <summary>
    /// Attributes: <c>0x06|0x46, 4-byte name offset, [inline name], value pieces</c>; 0x46 means another
    /// attribute follows. A value is one or more pieces (text, substitution, references).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BinXmlAttribute[] ReadAttributes(ref int pos, int end)
    {
        var attributes = new List<BinXmlAttribute>(2);
        while (pos < end && BinXmlToken.Kind(_chunk.U8(pos)) == BinXmlToken.Attribute)
        {
            var name = ReadName(ref pos, pos + 1);
            var pieces = new List<BinXmlNode>(1);
            while (pos < end && IsPiece(_chunk.U8(pos))) pieces.Add(ReadPiece(ref pos, _chunk.U8(pos)));
            attributes.Add(new BinXmlAttribute(name, pieces.ToArray()));
        }
        return attributes.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPiece(byte token) => BinXmlToken.Kind(token) is BinXmlToken.Value or BinXmlToken.NormalSubstitution
        or BinXmlToken.OptionalSubstitution or BinXmlToken.CharReference or BinXmlToken.EntityReference or BinXmlToken.CDataSection;

    /// <summary>Character data and substitutions, the pieces element content and attribute values are made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BinXmlNode ReadPiece(ref int pos, byte token)
    {
        switch (BinXmlToken.Kind(token))
        {
            case BinXmlToken.Value:
            {
                // 0 1 0x05|0x45, 1 1 value type, 2 2 characters (n), 4 2n UTF-16LE. Only strings occur in practice;
                // other types are read with the sizes of their substitution form.
                var type = _chunk.U8(pos + 1);
                if (type == BinXmlValueType.String) return ReadString(ref pos, 2);
                var size = BinXmlValueType.ItemSize(type);
                if (size == 0) throw new EvtxFormatException($"value token of unsupported type 0x{type:X2} at 0x{pos:X}");
                var text = ValueFormatter.Format(_chunk.Span(pos + 2, size), type);
                pos += 2 + size;
                return new TextNode(text);
            }
            case BinXmlToken.CDataSection:
                return ReadString(ref pos, 1);
            case BinXmlToken.CharReference:
            {
                var value = _chunk.U16(pos + 1);
                pos += 3;
                return new TextNode(((char)value).ToString());
            }
            case BinXmlToken.EntityReference:
            {
                return new TextNode(Entity(ReadName(ref pos, pos + 1)));
            }
            case BinXmlToken.NormalSubstitution:
            case BinXmlToken.OptionalSubstitution:
            {
                var node = new SubstitutionNode(_chunk.U16(pos + 1), _chunk.U8(pos + 3), BinXmlToken.Kind(token) == BinXmlToken.OptionalSubstitution);
                pos += 4;
                return node;
            }
            case BinXmlToken.PITarget:
            {
                ReadName(ref pos, pos + 1, resolve: false);
                return new TextNode("");
            }
            case BinXmlToken.PIData:
                ReadString(ref pos, 1);
                return new TextNode("");
            default:
                throw new EvtxFormatException($"unknown Binary XML token 0x{token:X2} at chunk offset 0x{pos:X}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TextNode ReadString(ref int pos, int headerBytes)
    {
        var count = _chunk.U16(pos + headerBytes);
        var text = _chunk.Utf16(pos + headerBytes + 2, count);
        pos += headerBytes + 2 + (count * 2);
        return new TextNode(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Entity(string name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        _ => "&" + name + ";",
    };
}
