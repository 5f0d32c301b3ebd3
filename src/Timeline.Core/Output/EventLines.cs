using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// Streams a case as JSON lines: one object per event, written by the given writer, in timeline
/// order, without holding more than one event. Shared by the JSONL and Timesketch exports and by
/// <c>query --format jsonl</c>.
/// </summary>
public static class EventLines
{
    /// <summary>Writes the given events (e.g. a query's result) through <paramref name="writeOne"/>.</summary>
    public static void Write(IEnumerable<EventRecord> events, Stream output, CancellationToken cancellation, Func<Utf8JsonWriter, EventRecord, bool> writeOne)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var json = new Utf8JsonWriter(buffered, EventJson.WriterOptions);
        foreach (var e in events)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!writeOne(json, e)) continue;
            json.Flush();
            json.Reset();
            buffered.WriteByte((byte)'\n');
        }
        buffered.Flush();
    }
}
