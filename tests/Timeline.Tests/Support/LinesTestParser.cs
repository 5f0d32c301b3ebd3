using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Tests.Support;

/// <summary>
/// A test-only format: lines "EPOCHSECONDS HOST TEXT". Sniffs lines starting with "T:" header.
/// Lives in the test assembly, so the product's parser catalog never sees it.
/// </summary>
public sealed class LinesTestParser : ILogParser
{
    public string Name => "test/lines";
    public bool NamesHost => true;

    public int Sniff(SniffSample sample) => sample.Lines.Count > 0 && sample.Lines[0] == "T:" ? 100 : 0;

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            if (line.Number == 1 || line.Text.Length == 0) continue;
            var parts = line.Text.Split(' ', 3);
            if (parts.Length < 3 || !long.TryParse(parts[0], out var seconds))
            {
                context.Warn(line.Number, "not a test line", line.Text);
                continue;
            }
            var ticks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
            yield return new EventRecord
            {
                Ticks = ticks,
                SortTicks = ticks,
                TimeQuality = TimeQuality.Exact,
                Host = context.HostFor(parts[1]),
                Parser = Name,
                Message = line.Text,
                Fields = new FieldSet().Set("user", parts[2].Split(' ')[0]).Set("event", "test"),
                Origin = context.OriginAt(line.Number),
            };
        }
    }
}
