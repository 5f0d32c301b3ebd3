using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// Events as JSON lines in the event contract (<see cref="EventJson"/>, with <c>rules</c> and
/// <c>phase</c>): one object per line. The contract is the shape, so <c>--fields</c> does not apply.
/// </summary>
public sealed class JsonLinesRows : IEventRowFormat
{
    public string Name => "jsonl";
    public string Description => "one JSON object per event with rules and phase (the stable event contract)";

    public IEventRowWriter Open(Stream output, IEventColumns columns) => new Writer(output);

    private sealed class Writer(Stream output) : IEventRowWriter
    {
        private readonly BufferedStream _out = new(output, 1 << 16);
        private Utf8JsonWriter? _json;

        public void Write(EventRecord e, EventFindings findings)
        {
            var json = _json ??= new Utf8JsonWriter(_out, EventJson.WriterOptions);
            if (findings.IsEmpty) EventJson.Write(json, e);
            else EventJson.Write(json, e, findings.RulesOf(e.Id), findings.PhaseNameOf(e.Id));
            json.Flush();
            json.Reset();
            _out.WriteByte((byte)'\n');
        }

        public void Dispose()
        {
            _json?.Dispose();
            _out.Flush();
        }
    }
}
