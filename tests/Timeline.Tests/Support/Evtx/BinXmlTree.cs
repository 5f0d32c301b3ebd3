using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Timeline.Tests.Support.Evtx;

/// <summary>A piece of element content or of an attribute value: text, or a reference to substitution value n.</summary>
internal abstract record BinXmlPiece;

internal sealed record TextPiece(string Text) : BinXmlPiece;

internal sealed record SubstitutionPiece(ushort Index, byte Type, bool Optional) : BinXmlPiece;

internal sealed record BinXmlAttr(string Name, BinXmlPiece Value);

internal sealed record BinXmlElement(string Name, IReadOnlyList<BinXmlAttr> Attributes, IReadOnlyList<object> Children);

/// <summary>A typed substitution value of a template instance (type 0x00 with no bytes is NULL).</summary>
internal readonly record struct SubstitutionValue(byte Type, byte[] Bytes);

/// <summary>
/// The event as an element tree, in one of the two encodings: with substitutions (a template body plus its
/// values, the values' order and types as Windows uses them for the System part) or with the values as text.
/// </summary>
internal static class BinXmlTree
{
    public const string EventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

    // Value types (MS-EVEN6 2.2.13 / BinXmlValueType in the reader).
    public const byte Null = 0x00, String = 0x01, UInt8 = 0x04, UInt16 = 0x06, UInt32 = 0x08, UInt64 = 0x0A,
        Guid = 0x0F, FileTime = 0x11, Sid = 0x13, HexInt64 = 0x15;

    private static readonly long FileTimeEpoch = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>
    /// The template body for an event with these Data names: the System values are substitutions 0..17 in
    /// the order Windows' own templates use (Level, Opcode, Task, EventID, Qualifiers, Keywords, TimeCreated,
    /// ActivityID, ProcessID, ThreadID, EventRecordID, Version, UserID, RelatedActivityID, then Provider
    /// Name/Guid, Channel and Computer), then one substitution per Data element, then EventSourceName.
    /// </summary>
    public static BinXmlElement TemplateBody(IReadOnlyList<string> dataNames)
    {
        static SubstitutionPiece S(ushort i, byte type, bool optional = false) => new(i, type, optional);
        var system = new BinXmlElement("System", [], [
            new BinXmlElement("Provider", [new("Name", S(14, String)), new("Guid", S(15, Guid, true)), new("EventSourceName", S((ushort)(18 + dataNames.Count), String, true))], []),
            new BinXmlElement("EventID", [new("Qualifiers", S(4, UInt16, true))], [S(3, UInt16)]),
            new BinXmlElement("Version", [], [S(11, UInt8)]),
            new BinXmlElement("Level", [], [S(0, UInt8)]),
            new BinXmlElement("Task", [], [S(2, UInt16)]),
            new BinXmlElement("Opcode", [], [S(1, UInt8)]),
            new BinXmlElement("Keywords", [], [S(5, HexInt64)]),
            new BinXmlElement("TimeCreated", [new("SystemTime", S(6, FileTime))], []),
            new BinXmlElement("EventRecordID", [], [S(10, UInt64)]),
            new BinXmlElement("Correlation", [new("ActivityID", S(7, Guid, true)), new("RelatedActivityID", S(13, Guid, true))], []),
            new BinXmlElement("Execution", [new("ProcessID", S(8, UInt32)), new("ThreadID", S(9, UInt32))], []),
            new BinXmlElement("Channel", [], [S(16, String)]),
            new BinXmlElement("Computer", [], [S(17, String)]),
            new BinXmlElement("Security", [new("UserID", S(12, Sid, true))], []),
        ]);
        var data = dataNames.Select((name, i) => (object)new BinXmlElement("Data", [new("Name", new TextPiece(name))], [S((ushort)(18 + i), String)])).ToList();
        return new BinXmlElement("Event", [new("xmlns", new TextPiece(EventNamespace))], [system, new BinXmlElement("EventData", [], data)]);
    }

    /// <summary>The substitution values of <see cref="TemplateBody"/> for one event.</summary>
    public static SubstitutionValue[] TemplateValues(WinEvent e, ulong recordId)
    {
        var values = new SubstitutionValue[18 + e.Data.Count + 1];
        values[0] = new(UInt8, [e.Level]);
        values[1] = new(UInt8, [e.Opcode]);
        values[2] = new(UInt16, U16(e.Task));
        values[3] = new(UInt16, U16(e.EventId));
        values[4] = e.Qualifiers is { } q ? new(UInt16, U16(q)) : new(Null, []);
        values[5] = new(HexInt64, U64(e.Keywords));
        values[6] = new(FileTime, U64((ulong)ToFileTime(e.TimeCreated)));
        values[7] = new(Null, []);
        values[8] = new(UInt32, U32(e.ProcessId));
        values[9] = new(UInt32, U32(e.ThreadId));
        values[10] = new(UInt64, U64(recordId));
        values[11] = new(UInt8, [e.Version]);
        values[12] = e.UserId is { } sid ? new(Sid, SidBytes(sid)) : new(Null, []);
        values[13] = new(Null, []);
        values[14] = new(String, Utf16(e.Provider));
        values[15] = e.ProviderGuid is { } g ? new(Guid, g.ToByteArray()) : new(Null, []);
        values[16] = new(String, Utf16(e.Channel));
        values[17] = new(String, Utf16(e.Computer));
        for (var i = 0; i < e.Data.Count; i++) values[18 + i] = new(String, Utf16(e.Data[i].Value));
        values[18 + e.Data.Count] = e.EventSourceName is { } source ? new(String, Utf16(source)) : new(Null, []);
        return values;
    }

    /// <summary>The whole event with every value as text (for template-less records).</summary>
    public static BinXmlElement InlineBody(WinEvent e, ulong recordId)
    {
        static TextPiece T(string text) => new(text);
        static object[] Content(string text) => text.Length == 0 ? [] : [T(text)];
        var provider = new List<BinXmlAttr> { new("Name", T(e.Provider)) };
        if (e.ProviderGuid is { } g) provider.Add(new("Guid", T(g.ToString("B").ToUpperInvariant())));
        if (e.EventSourceName is { } source) provider.Add(new("EventSourceName", T(source)));
        var eventId = e.Qualifiers is { } q ? new List<BinXmlAttr> { new("Qualifiers", T(Num(q))) } : [];
        var security = e.UserId is { } sid ? new List<BinXmlAttr> { new("UserID", T(sid)) } : [];
        var system = new BinXmlElement("System", [], [
            new BinXmlElement("Provider", provider, []),
            new BinXmlElement("EventID", eventId, [T(Num(e.EventId))]),
            new BinXmlElement("Version", [], [T(Num(e.Version))]),
            new BinXmlElement("Level", [], [T(Num(e.Level))]),
            new BinXmlElement("Task", [], [T(Num(e.Task))]),
            new BinXmlElement("Opcode", [], [T(Num(e.Opcode))]),
            new BinXmlElement("Keywords", [], [T("0x" + e.Keywords.ToString("x", CultureInfo.InvariantCulture))]),
            new BinXmlElement("TimeCreated", [new("SystemTime", T(Iso(e.TimeCreated)))], []),
            new BinXmlElement("EventRecordID", [], [T(Num(recordId))]),
            new BinXmlElement("Correlation", [], []),
            new BinXmlElement("Execution", [new("ProcessID", T(Num(e.ProcessId))), new("ThreadID", T(Num(e.ThreadId)))], []),
            new BinXmlElement("Channel", [], Content(e.Channel)),
            new BinXmlElement("Computer", [], Content(e.Computer)),
            new BinXmlElement("Security", security, []),
        ]);
        var data = e.Data.Select(d => (object)new BinXmlElement("Data", [new("Name", T(d.Key))], Content(d.Value))).ToList();
        return new BinXmlElement("Event", [new("xmlns", T(EventNamespace))], [system, new BinXmlElement("EventData", [], data)]);
    }

    public static long ToFileTime(DateTime utc)
    {
        if (utc.Kind != DateTimeKind.Utc) throw new ArgumentException($"TimeCreated must be UTC: {utc:O}", nameof(utc));
        return utc.Ticks - FileTimeEpoch;
    }

    /// <summary>As Windows renders SystemTime: seven fraction digits and <c>Z</c>.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A binary SID: revision, sub-authority count, 48-bit big-endian authority, 32-bit little-endian sub-authorities.</summary>
    public static byte[] SidBytes(string sid)
    {
        var parts = sid.Split('-');
        if (parts.Length < 3 || parts[0] != "S") throw new ArgumentException($"not a SID: {sid}", nameof(sid));
        var subs = parts.Skip(3).Select(p => uint.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var bytes = new byte[8 + (4 * subs.Length)];
        bytes[0] = byte.Parse(parts[1], CultureInfo.InvariantCulture);
        bytes[1] = (byte)subs.Length;
        var authority = ulong.Parse(parts[2], CultureInfo.InvariantCulture);
        for (var i = 0; i < 6; i++) bytes[2 + i] = (byte)(authority >> (8 * (5 - i)));
        for (var i = 0; i < subs.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8 + (4 * i)), subs[i]);
        return bytes;
    }

    private static string Num(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Utf16(string s) => Encoding.Unicode.GetBytes(s);

    private static byte[] U16(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); return b; }

    private static byte[] U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }

    private static byte[] U64(ulong v) { var b = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); return b; }
}
