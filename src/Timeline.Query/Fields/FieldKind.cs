namespace Timeline.Query.Fields;

/// <summary>Where a query field's value comes from.</summary>
public enum FieldKind
{
    /// <summary>The timeline position (time, or the bound given to untimed entries).</summary>
    Time,
    Host,
    Parser,
    Message,
    Id,
    /// <summary>The evidence file path (or its file name).</summary>
    File,
    Sha256,
    TimeQuality,
    /// <summary>Rule id or title of the rules that matched (hunt).</summary>
    Rule,
    Level,
    /// <summary>Tags (ATT&amp;CK) of the rules that matched; <c>attack.</c> may be left out.</summary>
    Tag,
    /// <summary>The attack-chain phase of the event (chain builder).</summary>
    Phase,
    /// <summary>A normalized field stored with the event (<c>user</c>, <c>src_ip</c>, <c>command</c>, …).</summary>
    Stored,
}
