using System.Runtime.CompilerServices;
using System.Text;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Receives the rendered XML of one record as a stream of elements, attributes and text, and keeps
/// what becomes fields. The shape it reads:
/// <code>
/// &lt;Event&gt;
///   &lt;System&gt; Provider@Name/@Guid/@EventSourceName, EventID(@Qualifiers), Version, Level, Task, Opcode,
///             Keywords, TimeCreated@SystemTime, EventRecordID, Correlation@ActivityID/@RelatedActivityID,
///             Execution@ProcessID/@ThreadID, Channel, Computer, Security@UserID &lt;/System&gt;
///   &lt;EventData&gt; &lt;Data Name="TargetUserName"&gt;admin&lt;/Data&gt; &lt;Data&gt;unnamed&lt;/Data&gt; &lt;Binary&gt;..&lt;/Binary&gt; &lt;/EventData&gt;
///   or &lt;UserData&gt; &lt;LogFileCleared xmlns=".."&gt; &lt;SubjectUserName&gt;bob&lt;/SubjectUserName&gt; .. &lt;/LogFileCleared&gt; &lt;/UserData&gt;
/// &lt;/Event&gt;
/// </code>
/// Data rule: every leaf element (no child elements) below EventData or UserData is one field, named
/// by its <c>Name</c> attribute when it is a <c>Data</c> element that has one, <c>Data1</c>, <c>Data2</c>, ...
/// for unnamed <c>Data</c> elements (numbered in document order, empty ones included), and by its own
/// element name otherwise (UserData leaves keep only the leaf name, whatever their nesting). A name
/// seen twice (array values repeat their element) gets its values joined with ", ".
/// </summary>
internal sealed class DecodedRecord
{
    private enum Section { None, System, Data, Other }

    private readonly TextAccumulator _text = new();
    private ChunkData? _chunk;
    private readonly ValueStringCache _values = new();
    private readonly ValueStringCache _dataValues = new(maxValueBytes: 64);
    private readonly List<KeyValuePair<string, string>> _data = new(32);

    /// <summary>
    /// Past <see cref="IndexedFrom"/> data fields, where each name is (the linear scan made a record
    /// with thousands of Data elements quadratic), and the values of names seen more than once, joined
    /// with ", " as they come and written back to <see cref="_data"/> when it is read (concatenating
    /// strings per repeat was quadratic too). Both found by afl (issue 11).
    /// </summary>
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<int, StringBuilder> _joins = [];
    private const int IndexedFrom = 32;
    private readonly string?[] _system = new string?[(int)SystemField.Count];
    private Frame[] _stack = new Frame[16];
    private int _depth;
    private int _unnamed;
    private ulong _names;
    private string? _attribute;
    private bool _captureAttribute;

    private struct Frame
    {
        public string Name;
        public Section Section;
        public bool HasChildElements;
        public string? DataName;
    }

    public List<KeyValuePair<string, string>> Data
    {
        get
        {
            if (_joins.Count > 0)
            {
                foreach (var (i, joined) in _joins) _data[i] = new(_data[i].Key, joined.ToString());
                _joins.Clear();
            }
            return _data;
        }
    }
    public long? TimeCreatedTicks { get; private set; }
    public bool SawEvent { get; private set; }

    public string? this[SystemField field] => _system[(int)field];

    /// <summary>How many System values are present (not null or empty).</summary>
    public int SystemCount
    {
        get
        {
            var count = 0;
            foreach (var value in _system) count += string.IsNullOrEmpty(value) ? 0 : 1;
            return count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(ChunkData chunk)
    {
        _text.Reset(chunk);
        _chunk = chunk;
        _data.Clear();
        _index.Clear();
        _joins.Clear();
        Array.Clear(_system);
        _depth = 0;
        _unnamed = 0;
        _names = 0;
        _attribute = null;
        TimeCreatedTicks = null;
        SawEvent = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartElement(string name)
    {
        if (_depth > 0) _stack[_depth - 1].HasChildElements = true;
        if (_depth == _stack.Length) Array.Resize(ref _stack, _depth * 2);
        var section = _depth switch
        {
            0 => Section.None,
            1 => name switch { "System" => Section.System, "EventData" or "UserData" => Section.Data, _ => Section.Other },
            _ => _stack[_depth - 1].Section,
        };
        if (_depth == 0) SawEvent = true;
        _stack[_depth++] = new Frame { Name = name, Section = section };
        _text.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartAttribute(string name)
    {
        _attribute = name;
        var frame = _stack[_depth - 1];
        _captureAttribute = frame.Section switch
        {
            Section.System => _depth == 3,
            Section.Data => _depth >= 3 && name == "Name" && frame.Name == "Data",
            _ => false,
        };
        _text.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndAttribute()
    {
        if (_captureAttribute)
        {
            ref var frame = ref _stack[_depth - 1];
            if (frame.Section == Section.Data) frame.DataName = _text.Finish();
            else SystemAttribute(frame.Name, _attribute!);
        }
        _captureAttribute = false;
        _attribute = null;
        _text.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(string text)
    {
        if (Capturing) _text.Add(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Value(ValueSlice value, int item)
    {
        if (Capturing) _text.Add(value, item);
    }

    private bool Capturing => _attribute is null
        ? _depth >= 3 && _stack[_depth - 1].Section is Section.System or Section.Data
        : _captureAttribute;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement()
    {
        if (_depth == 0) return;
        var frame = _stack[--_depth];
        if (frame.Section == Section.System && _depth == 2) SystemText(frame.Name);
        else if (frame.Section == Section.Data && _depth >= 2 && !frame.HasChildElements) AddData(frame);
        _text.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddData(Frame frame)
    {
        if (frame.Name == "Data") AddData(frame.DataName);
        else AddNamedData(frame.Name);
    }

    /// <summary>A <c>Data</c> element's field: named by its Name attribute, numbered without one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddData(string? dataName) =>
        AddNamedData(string.IsNullOrEmpty(dataName) ? Unnamed(++_unnamed) : dataName);

    private static readonly string[] UnnamedNames = Enumerable.Range(0, 256).Select(i => "Data" + ValueFormatter.Number(i)).ToArray();

    /// <summary><c>Data1</c>, <c>Data2</c>, ...: the names of unnamed Data elements (the first 255 allocated once).</summary>
    private static string Unnamed(int number) => number < UnnamedNames.Length ? UnnamedNames[number] : "Data" + ValueFormatter.Number(number);

    /// <summary>The collected text as the value of data field <paramref name="name"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNamedData(string name)
    {
        var value = _text.Finish(_dataValues);
        // A name seen before is rare: a 64-bit filter on length and last character skips the scan for nearly all.
        var bit = 1UL << (int)((uint)(name.Length + (name.Length > 0 ? name[^1] * 5 : 0)) & 63);
        var maybeSeen = (_names & bit) != 0;
        _names |= bit;
        if (maybeSeen && Find(name) is var seen and >= 0)
        {
            if (value.Length == 0) return;
            if (_joins.TryGetValue(seen, out var joined)) joined.Append(", ").Append(value);
            else if (_data[seen].Value.Length == 0) _data[seen] = new(name, value);
            else _joins[seen] = new StringBuilder(_data[seen].Value).Append(", ").Append(value);
            return;
        }
        _data.Add(new(name, value));
        if (_data.Count == IndexedFrom)
        {
            for (var i = 0; i < _data.Count; i++) _index.TryAdd(_data[i].Key, i);
        }
        else if (_data.Count > IndexedFrom) _index.TryAdd(name, _data.Count - 1);
    }

    /// <summary>The position of data field <paramref name="name"/>, or -1.</summary>
    private int Find(string name)
    {
        if (_data.Count >= IndexedFrom) return _index.TryGetValue(name, out var at) ? at : -1;
        for (var i = 0; i < _data.Count; i++)
            if (_data[i].Key == name) return i;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SystemText(string element)
    {
        var field = TemplatePlan.SystemText(element);
        if (field != SystemField.Count) _system[(int)field] = SystemValue(field);
    }

    /// <summary>System values repeat from record to record (ids and activity ids do not): formatted once, through the cache.</summary>
    private string SystemValue(SystemField field) =>
        field is SystemField.EventRecordId or SystemField.ActivityId or SystemField.RelatedActivityId ? _text.Finish() : _text.Finish(_values);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SystemAttribute(string element, string attribute)
    {
        if (element == "TimeCreated" && attribute == "SystemTime")
        {
            TimeCreated();
            return;
        }
        var field = TemplatePlan.SystemAttribute(element, attribute);
        if (field != SystemField.Count) _system[(int)field] = SystemValue(field);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TimeCreated()
    {
        if (_text.TryFileTime(out var fileTime)) TimeCreatedTicks = ValueFormatter.FileTimeTicks(fileTime);
        else if (DateTime.TryParse(_text.Finish(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            TimeCreatedTicks = parsed.Ticks;
    }

    /// <summary>At document level (between top-level elements): where a template plan may be applied.</summary>
    public bool AtTop => _depth == 0;

    /// <summary>A plan put a root element in the record.</summary>
    public void SawRoot() => SawEvent = true;

    /// <summary>
    /// One System value, TimeCreated or data field of a template plan, exactly as rendering its element through
    /// this sink would keep it (see <see cref="TemplatePlan"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(PlanEntry entry, ReadOnlySpan<ValueSlice> values)
    {
        if (entry.Guards.Length > 0 && TemplatePlan.Dropped(entry.Guards, values)) return;
        switch (entry.Kind)
        {
            case PlanKind.System:
                Collect(entry.Pieces, entry.Attribute, values);
                _system[(int)entry.Field] = SystemValue(entry.Field);
                break;
            case PlanKind.TimeCreated:
                Collect(entry.Pieces, entry.Attribute, values);
                TimeCreated();
                break;
            default:
                var array = entry.Items >= 0 && (uint)entry.Items < (uint)values.Length && values[entry.Items].IsArray ? values[entry.Items] : default;
                if (!array.IsArray)
                {
                    DataEntry(entry, values, -1);
                    break;
                }
                // The element once per item (once, empty, without items), as RecordRenderer.RenderElement repeats it.
                var count = ValueFormatter.Items(_chunk!.Span(array.Offset, array.Size), array.Type).Count;
                if (count == 0) DataEntry(entry, values, int.MaxValue);
                for (var item = 0; item < count; item++) DataEntry(entry, values, item);
                break;
        }
        _text.Clear();
    }

    /// <summary>A data entry's field; <paramref name="item"/>: the array item its substitution stands for (int.MaxValue: none), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DataEntry(PlanEntry entry, ReadOnlySpan<ValueSlice> values, int item)
    {
        if (entry.Names is null)
        {
            CollectData(entry, values, item);
            if (entry.Name is null) AddData(null);
            else AddNamedData(entry.Name);
            return;
        }
        string? dataName = null;
        foreach (var (pieces, guards) in entry.Names)
        {
            if (TemplatePlan.Dropped(guards, values)) continue;
            Collect(pieces, true, values);
            dataName = _text.Finish();
        }
        CollectData(entry, values, item);
        AddData(dataName);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectData(PlanEntry entry, ReadOnlySpan<ValueSlice> values, int item)
    {
        if (item < 0)
        {
            Collect(entry.Pieces, false, values);
            return;
        }
        _text.Clear();
        if (item != int.MaxValue) _text.Add(values[entry.Items], item);
    }

    /// <summary>
    /// Collects text pieces as the sink receives them: in attribute values every substitution (NULL ones are empty text),
    /// in element content only the non-NULL ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Collect(BinXmlNode[] pieces, bool attribute, ReadOnlySpan<ValueSlice> values)
    {
        _text.Clear();
        if (pieces.Length == 1 && pieces[0] is SubstitutionNode only)
        {
            // Nearly every text is one substitution.
            var value = (uint)only.Index < (uint)values.Length ? values[only.Index] : default;
            if (attribute || !value.IsNull) _text.Add(value, -1);
            return;
        }
        foreach (var piece in pieces)
        {
            if (piece is SubstitutionNode s)
            {
                var value = (uint)s.Index < (uint)values.Length ? values[s.Index] : default;
                if (attribute || !value.IsNull) _text.Add(value, -1);
            }
            else if (piece is TextNode t) _text.Add(t.Text);
        }
    }
}
