namespace Timeline.Core.Store;

/// <summary>The aggregates maintained at ingest so stats, charts and stacking never scan events.</summary>
public static class AggregateDimensions
{
    public const string Host = "host";
    public const string Parser = "parser";
    public const string User = "user";
    public const string SourceIp = "src_ip";
    public const string Event = "event";
    /// <summary>Value = <c>&lt;hour ticks&gt;|&lt;parser&gt;</c>: activity over time by parser.</summary>
    public const string HourByParser = "hour";
    /// <summary>Value = <c>&lt;rule id&gt;|&lt;title&gt;</c>; maintained by hunt.</summary>
    public const string Rule = "rule";
    /// <summary>Rule level (informational … critical); maintained by hunt.</summary>
    public const string Level = "level";

    /// <summary>Event fields counted per value.</summary>
    public static readonly string[] Fields = [User, SourceIp, Event];
}
