using Timeline.Core.Events;

namespace Timeline.Tests.Support;

/// <summary>Builders with sane defaults for tests.</summary>
public static class Some
{
    public static readonly string Sha = new('a', 64);

    public static EventRecord Event(long position = 1, long? ticks = 638450000000000000, string host = "web01", string parser = "test/lines",
        string message = "hello", string file = "evidence.log", string? sha = null, params (string Key, string Value)[] fields)
    {
        var set = new FieldSet();
        foreach (var (k, v) in fields) set.Set(k, v);
        return new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
            Host = host,
            Parser = parser,
            Message = message,
            Fields = set,
            Origin = new Origin(file, sha ?? Sha, position),
        };
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "timeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
