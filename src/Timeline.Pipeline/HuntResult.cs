using Timeline.Core.Findings;

namespace Timeline.Pipeline;

/// <summary>
/// What a hunt did: rules loaded and files that failed, events read, matches stored, and per rule
/// the hits (one representative match and the number of distinct events it matched), and what
/// bounding the rules' regexes cost (timeouts, skipped evaluations, patterns switched off: lines to show).
/// </summary>
public sealed record HuntResult(int Rules, int FailedFiles, long Events, long Matches, long MatchedEvents, IReadOnlyList<(RuleMatch Rule, long Events)> Hits, TimeSpan Elapsed,
    long RegexTimeouts, long RegexSkipped, IReadOnlyList<string> RegexNotes);
