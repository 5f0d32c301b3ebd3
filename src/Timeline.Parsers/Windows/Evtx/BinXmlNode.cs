namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// A compiled piece of Binary XML. Template definitions are compiled once per chunk into this tree
/// and then rendered for every record that instantiates them, with that record's substitution values.
/// </summary>
internal abstract class BinXmlNode;

/// <summary>An element: <c>&lt;Data Name="TargetUserName"&gt;%5&lt;/Data&gt;</c>.</summary>
internal sealed class ElementNode(string name, BinXmlAttribute[] attributes, BinXmlNode[] children) : BinXmlNode
{
    public string Name { get; } = name;
    public BinXmlAttribute[] Attributes { get; } = attributes;
    public BinXmlNode[] Children { get; } = children;
}

/// <summary>An attribute and its content pieces (text and substitutions, usually one piece).</summary>
internal sealed class BinXmlAttribute(string name, BinXmlNode[] value)
{
    public string Name { get; } = name;
    public BinXmlNode[] Value { get; } = value;
}

/// <summary>Literal character data: value text, CDATA, or a resolved character or entity reference.</summary>
internal sealed class TextNode(string text) : BinXmlNode
{
    public string Text { get; } = text;
}

/// <summary>
/// <c>%N</c>: the N-th value of the template instance. An optional substitution whose value is
/// NULL removes its element (or attribute) from the output, as libfwevt does.
/// </summary>
internal sealed class SubstitutionNode(int index, byte type, bool optional) : BinXmlNode
{
    public int Index { get; } = index;
    public byte DeclaredType { get; } = type;
    public bool Optional { get; } = optional;
}

/// <summary>A template instance met inside a fragment that is not itself a template (its values are fixed).</summary>
internal sealed class InstanceNode(BinXmlTemplate template, ValueSlice[] values) : BinXmlNode
{
    public BinXmlTemplate Template { get; } = template;
    public ValueSlice[] Values { get; } = values;
}
