namespace Timeline.Query.Execution;

/// <summary>One row of stacking: a value, how many matching events carry it, first and last seen (timeline position).</summary>
public sealed record ValueCount(string Value, long Count, long? FirstTicks, long? LastTicks);
