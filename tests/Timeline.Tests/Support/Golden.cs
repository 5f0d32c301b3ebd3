using System.Text;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Xunit;

namespace Timeline.Tests.Support;

/// <summary>
/// Golden files: expected output stored next to the sample. <c>TIMELINE_UPDATE_GOLDEN=1 dotnet test</c>
/// rewrites them; the reviewer reads the diff. Under <c>CI=true</c> the switch fails the test instead
/// (a rewrite would make every golden comparison pass).
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "TIMELINE_UPDATE_GOLDEN";

    public static bool Updating => ContinuousIntegration.UpdateSwitch(UpdateVariable);

    public static string EventsJsonl(IEnumerable<EventRecord> events)
    {
        var sb = new StringBuilder();
        foreach (var e in events) sb.Append(EventJson.ToLine(e)).Append('\n');
        return sb.ToString();
    }

    public static string WarningsJsonl(IEnumerable<ParseWarning> warnings)
    {
        var sb = new StringBuilder();
        foreach (var w in warnings)
        {
            sb.Append(JsonSerializer.Serialize(new { line = w.Origin.Position, message = w.Message, excerpt = w.Excerpt })).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Compares (or rewrites) a golden file; an absent golden with empty actual output passes.</summary>
    public static void Verify(string goldenPath, string actual, bool absentMeansEmpty = false)
    {
        if (Updating)
        {
            if (actual.Length == 0 && absentMeansEmpty) { if (File.Exists(goldenPath)) File.Delete(goldenPath); }
            else File.WriteAllText(goldenPath, actual);
            return;
        }
        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : absentMeansEmpty ? "" : null;
        Assert.True(expected is not null, $"Golden file missing: {goldenPath} (run with TIMELINE_UPDATE_GOLDEN=1 to create it)");
        if (expected == actual) return;
        var e = expected!.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<missing>";
            var al = i < a.Length ? a[i] : "<missing>";
            Assert.True(el == al, $"{Path.GetFileName(goldenPath)} differs at line {i + 1}:\nexpected: {el}\nactual:   {al}");
        }
    }
}
