namespace Timeline.Core.Store;

/// <summary>A maintained count: how many events have <see cref="Value"/> in <see cref="Dimension"/>, and when first and last seen.</summary>
public sealed record AggregateCount(string Dimension, string Value, long Count, long? FirstTicks, long? LastTicks);
