namespace Timeline.Detection.Sigma.Correlations;

/// <summary>The correlation kinds of the Sigma correlation specification (v2.1 adds the three metrics).</summary>
public enum CorrelationType { EventCount, ValueCount, Temporal, TemporalOrdered, ValueSum, ValueAvg, ValuePercentile }
