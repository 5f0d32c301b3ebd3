namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Binary XML (MS-EVEN6 "BinXml") token bytes. The low 5 bits name the token; bit 0x40 on an
/// element start means "has attributes", on an attribute "another attribute follows", on value,
/// CDATA and references "more content follows".
/// </summary>
internal static class BinXmlToken
{
    public const byte EndOfFragment = 0x00;
    public const byte OpenStartElement = 0x01;
    public const byte CloseStartElement = 0x02;
    public const byte CloseEmptyElement = 0x03;
    public const byte EndElement = 0x04;
    public const byte Value = 0x05;
    public const byte Attribute = 0x06;
    public const byte CDataSection = 0x07;
    public const byte CharReference = 0x08;
    public const byte EntityReference = 0x09;
    public const byte PITarget = 0x0A;
    public const byte PIData = 0x0B;
    public const byte TemplateInstance = 0x0C;
    public const byte NormalSubstitution = 0x0D;
    public const byte OptionalSubstitution = 0x0E;
    public const byte FragmentHeader = 0x0F;

    public const byte MoreFlag = 0x40;

    public static byte Kind(byte token) => (byte)(token & 0x1F);
}
