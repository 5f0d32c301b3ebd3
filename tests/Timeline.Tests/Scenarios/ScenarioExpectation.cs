using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// <c>expected-chains.json</c> of a scenario: which folders to ingest (one PATH argument each) and,
/// per host, what the chain must contain. Events are named <c>relative/path:line</c> inside the
/// scenario folder, so the file reads like the evidence it describes.
/// </summary>
public sealed record ScenarioExpectation(IReadOnlyList<string> Inputs, IReadOnlyList<ExpectedChain> Chains)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    public static ScenarioExpectation Load(string path) =>
        JsonSerializer.Deserialize<ScenarioExpectation>(File.ReadAllText(path), Options) ?? throw new InvalidDataException(path);
}

public sealed record ExpectedChain(
    string Host,
    ExpectedEntry Entry,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Phases,
    string? MiningStart,
    IReadOnlyList<ExpectedIoc> Iocs,
    IReadOnlyList<ExpectedResponse> Response,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<ExpectedLateral> Lateral,
    IReadOnlyList<string> AbsentEvents,
    IReadOnlyList<string> AbsentIocs);

public sealed record ExpectedEntry(string Kind, string? SourceIp, string? User, string Event, double MinConfidence, IReadOnlyList<string> WhyContains);

public sealed record ExpectedIoc(string Type, string Value);

public sealed record ExpectedResponse(string Category, string? Target);

public sealed record ExpectedLateral(string From, string To);
