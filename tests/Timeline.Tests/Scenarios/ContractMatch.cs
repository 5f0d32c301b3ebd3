using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Compares an expected subset of the chain contract with the real one, field by field, and says
/// where they differ (a JSON path). Objects: every expected key must be there and match (extra keys
/// are allowed: the contract may be extended). Arrays of strings or numbers: the same values, in any
/// order. Arrays of objects: each expected item matches a distinct actual item, in order (steps are
/// in time order, response items in the responders' order); extra actual items are accepted unless the
/// <see cref="ContractMatchMode"/> says the array is complete. Scalars: equal (numbers within 1e-9).
/// </summary>
public static class ContractMatch
{
    /// <summary>
    /// The arrays of objects every <c>expected-chain.json</c> lists in full: the chains of the case, each
    /// chain's gaps and its moves between hosts. Steps and response actions are listed in part (the
    /// steps and actions that tell the story), so extra ones are accepted there. IOC lists are arrays of
    /// strings, always compared as complete sets.
    /// </summary>
    public static readonly ContractMatchMode ScenarioMode = ContractMatchMode.Complete("chains", "gaps", "lateral");

    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$") =>
        Differences(expected, actual, ContractMatchMode.Subset, path);

    public static List<string> Differences(JsonNode? expected, JsonNode? actual, ContractMatchMode mode, string path = "$")
    {
        var diffs = new List<string>();
        Compare(expected, actual, path, mode, diffs);
        return diffs;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, ContractMatchMode mode, List<string> diffs)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) diffs.Add($"{path}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao) { diffs.Add($"{path}: expected an object, got {Show(actual)}"); return; }
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key)) diffs.Add($"{path}.{key}: missing");
                    else Compare(value, ao[key], $"{path}.{key}", mode, diffs);
                }
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa) { diffs.Add($"{path}: expected an array, got {Show(actual)}"); return; }
                var name = path[(path.LastIndexOf('.') + 1)..];
                if (ea.All(e => e is JsonValue))
                {
                    var want = ea.Select(Scalar).Order(StringComparer.Ordinal).ToList();
                    var got = aa.Select(Scalar).Order(StringComparer.Ordinal).ToList();
                    if (!want.SequenceEqual(got))
                        diffs.Add($"{path}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}] (missing: {string.Join(", ", want.Except(got))}; unexpected: {string.Join(", ", got.Except(want))})");
                    return;
                }
                if (mode.IsComplete(name) && ea.Count != aa.Count)
                    diffs.Add($"{path}: expected {ea.Count} item(s), got {aa.Count}: {Show(aa)}");
                var next = 0;
                for (var i = 0; i < ea.Count; i++)
                {
                    var found = -1;
                    for (var j = next; j < aa.Count && found < 0; j++)
                        if (Differences(ea[i], aa[j], mode).Count == 0) found = j;
                    if (found >= 0) { next = found + 1; continue; }
                    // Name the closest item so the message says what differs.
                    var closest = aa.Select((a, j) => (j, d: Differences(ea[i], a, mode, $"{path}[{j}]"))).OrderBy(x => x.d.Count).FirstOrDefault();
                    diffs.Add($"{path}: no item (after index {next - 1}) matches expected {ea[i]!.ToJsonString()}" + (closest.d is null ? "" : $"; closest: {string.Join("; ", closest.d)}"));
                }
                return;
            default:
                if (actual is not JsonValue av) { diffs.Add($"{path}: expected {expected.ToJsonString()}, got {Show(actual)}"); return; }
                var ev = (JsonValue)expected;
                if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                {
                    if (Math.Abs(ev.GetValue<double>() - av.GetValue<double>()) > 1e-9) diffs.Add($"{path}: expected {ev}, got {av}");
                }
                else if (ev.ToJsonString() != av.ToJsonString()) diffs.Add($"{path}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                return;
        }
    }

    private static string Scalar(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n?.ToJsonString() ?? "null";

    private static string Show(JsonNode? n)
    {
        var text = n?.ToJsonString() ?? "null";
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}
