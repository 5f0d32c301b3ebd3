namespace Timeline.Detection.Sigma.Matching;

/// <summary>What a detection sees of one event: fields by Sigma name, and the texts keywords search.</summary>
public interface IFieldSource
{
    /// <summary>The value of a Sigma field after mapping, or null when the event does not have it.</summary>
    string? Get(string sigmaField);

    /// <summary>Texts that keyword (value-only) detections search: the raw message and, per mapping, field values.</summary>
    IEnumerable<string> KeywordTexts { get; }
}
