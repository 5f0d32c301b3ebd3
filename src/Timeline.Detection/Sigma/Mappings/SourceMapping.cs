namespace Timeline.Detection.Sigma.Mappings;

/// <summary>
/// How one parser's events meet Sigma (the data in <c>sigma/mappings/&lt;parser&gt;.yml</c>): the
/// logsources they satisfy, Sigma field → native field, derived fields, and what keyword rules search.
/// Unmapped Sigma fields are looked up under their own name.
/// </summary>
public sealed class SourceMapping
{
    public required string Parser { get; init; }
    public required IReadOnlyList<SourceMappingEntry> LogSources { get; init; }
    /// <summary>Derived field → native field whose first token it is (e.g. <c>image</c> from <c>command</c>).</summary>
    public required IReadOnlyDictionary<string, string> FirstTokenOf { get; init; }
    /// <summary>Keyword rules search the raw message; with this set, every field value too.</summary>
    public required bool KeywordsSearchFields { get; init; }
    /// <summary>The file it was loaded from.</summary>
    public required string Path { get; init; }
}
