namespace Timeline.Parsers.Windows.Evtx;

/// <summary>One substitution value of a template instance: where its bytes are in the chunk, and its type.</summary>
internal readonly record struct ValueSlice(int Offset, int Size, byte Type)
{
    public bool IsNull => Type == BinXmlValueType.Null;
    public bool IsArray => (Type & BinXmlValueType.ArrayFlag) != 0;
}
