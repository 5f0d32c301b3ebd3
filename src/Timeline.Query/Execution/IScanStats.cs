namespace Timeline.Query.Execution;

/// <summary>What a scan cost: blocks decoded and events read (for <c>--explain</c> and the plan tests).</summary>
public interface IScanStats
{
    int BlocksDecoded { get; }
    long EventsRead { get; }
}
