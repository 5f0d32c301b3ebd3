using Timeline.Detection;
namespace Timeline.Pipeline;

/// <summary>What a hunt runs: rule folders or files (the bundled pack unless left out) and the lowest level kept.</summary>
public sealed record HuntRequest
{
    public IReadOnlyList<string> RuleDirs { get; init; } = [BundledKnowledge.Rules];
    public string MinLevel { get; init; } = "informational";
    /// <summary>Field mappings per parser (<c>sigma/mappings</c>).</summary>
    public string Mappings { get; init; } = BundledKnowledge.Mappings;
    public CancellationToken Cancellation { get; init; }
}
