namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Types of substitution values (and of value tokens, which in practice are always strings).
/// Bit 0x80 marks an array: strings are NUL-separated, fixed-size types are packed back to back.
/// </summary>
internal static class BinXmlValueType
{
    public const byte Null = 0x00;
    public const byte String = 0x01;       // UTF-16LE, no terminator (arrays: NUL-separated)
    public const byte AnsiString = 0x02;   // code page 1252, as evtxexport reads it by default
    public const byte Int8 = 0x03;
    public const byte UInt8 = 0x04;
    public const byte Int16 = 0x05;
    public const byte UInt16 = 0x06;
    public const byte Int32 = 0x07;
    public const byte UInt32 = 0x08;
    public const byte Int64 = 0x09;
    public const byte UInt64 = 0x0A;
    public const byte Real32 = 0x0B;
    public const byte Real64 = 0x0C;
    public const byte Bool = 0x0D;         // 32-bit, 0 or 1
    public const byte Binary = 0x0E;
    public const byte Guid = 0x0F;
    public const byte SizeT = 0x10;        // 4 or 8 bytes, rendered in hex
    public const byte FileTime = 0x11;
    public const byte SystemTime = 0x12;
    public const byte Sid = 0x13;
    public const byte HexInt32 = 0x14;
    public const byte HexInt64 = 0x15;
    public const byte EvtHandle = 0x20;
    public const byte BinXml = 0x21;       // a nested fragment, rendered as content, not text
    public const byte EvtXml = 0x23;

    public const byte ArrayFlag = 0x80;

    /// <summary>Size of one item of a fixed-size type, 0 for variable-size types.</summary>
    public static int ItemSize(byte type) => (type & 0x7F) switch
    {
        Int8 or UInt8 => 1,
        Int16 or UInt16 => 2,
        Int32 or UInt32 or Real32 or Bool or HexInt32 => 4,
        Int64 or UInt64 or Real64 or FileTime or HexInt64 => 8,
        Guid or SystemTime => 16,
        _ => 0,
    };
}
