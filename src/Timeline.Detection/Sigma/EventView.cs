using Timeline.Core.Events;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>
/// An event seen through a mapping entry: Sigma field names resolve to native ones, derived fields
/// (first token of a command) are computed on demand, and keyword texts are the message (plus field
/// values where the mapping says so). Reused across events to avoid allocation.
/// </summary>
public sealed class EventView : IFieldSource
{
    private EventRecord? _event;
    private SourceMapping? _mapping;
    private IReadOnlyDictionary<string, string>? _fields;

    /// <summary>Native name that mappings use for the event's host (<see cref="EventRecord.Host"/>), which is not a field.</summary>
    public const string HostField = "_host";

    public EventView() { }

    public EventView(EventRecord record, SourceMapping mapping, SourceMappingEntry? entry = null) => Reset(record, mapping, entry);

    public EventRecord Event => _event ?? throw new InvalidOperationException("EventView has no event");

    public void Reset(EventRecord record, SourceMapping mapping, SourceMappingEntry? entry)
    {
        _event = record;
        _mapping = mapping;
        _fields = entry?.Fields;
    }

    internal void Use(SourceMappingEntry entry) => _fields = entry.Fields;

    public string? Get(string sigmaField)
    {
        var record = Event;
        var native = _fields is not null && _fields.TryGetValue(sigmaField, out var n) ? n : sigmaField;
        if (native == HostField) return record.Host;
        var value = record.Fields.Get(native);
        if (value is null && _mapping!.FirstTokenOf.TryGetValue(native, out var source))
            value = FirstToken(record.Fields.Get(source));
        return value;
    }

    public IEnumerable<string> KeywordTexts
    {
        get
        {
            var record = Event;
            yield return record.Message;
            if (_mapping!.KeywordsSearchFields)
                for (var i = 0; i < record.Fields.Count; i++) yield return record.Fields.ValueAt(i);
        }
    }

    /// <summary>The first whitespace-separated token, without surrounding quotes: the program a command line runs.</summary>
    public static string? FirstToken(string? command)
    {
        if (string.IsNullOrWhiteSpace(command)) return null;
        var s = command.TrimStart();
        if (s[0] is '"' or '\'')
        {
            var close = s.IndexOf(s[0], 1);
            return close > 1 ? s[1..close] : s[1..];
        }
        var end = 0;
        while (end < s.Length && !char.IsWhiteSpace(s[end])) end++;
        return s[..end];
    }
}
