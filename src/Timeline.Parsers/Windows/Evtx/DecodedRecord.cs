using System.Runtime.CompilerServices;
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
    private readonly ValueStringCache _values = new();
    private readonly ValueStringCache _dataValues = new(maxValueBytes: 64);
    private readonly List<KeyValuePair<string, string>> _data = new(32);
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

    public List<KeyValuePair<string, string>> Data => _data;
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
        _data.Clear();
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
        string name;
        if (frame.Name == "Data") name = string.IsNullOrEmpty(frame.DataName) ? "Data" + ValueFormatter.Number(++_unnamed) : frame.DataName;
        else name = frame.Name;
        var value = _text.Finish(_dataValues);
        // A name seen before is rare: a 64-bit filter on length and last character skips the scan for nearly all.
        var bit = 1UL << (int)((uint)(name.Length + (name.Length > 0 ? name[^1] * 5 : 0)) & 63);
        var maybeSeen = (_names & bit) != 0;
        _names |= bit;
        for (var i = 0; maybeSeen && i < _data.Count; i++)
        {
            if (_data[i].Key != name) continue;
            if (value.Length > 0) _data[i] = new(name, _data[i].Value.Length == 0 ? value : _data[i].Value + ", " + value);
            return;
        }
        _data.Add(new(name, value));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SystemText(string element)
    {
        var field = element switch
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
            if (_text.TryFileTime(out var fileTime)) TimeCreatedTicks = ValueFormatter.FileTimeTicks(fileTime);
            else if (DateTime.TryParse(_text.Finish(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                TimeCreatedTicks = parsed.Ticks;
            return;
        }
        var field = (element, attribute) switch
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
        if (field != SystemField.Count) _system[(int)field] = SystemValue(field);
    }
}
