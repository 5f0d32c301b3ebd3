namespace Timeline.Detection.Sigma.Matching;

/// <summary>The four ordering comparisons of Sigma's numeric modifiers.</summary>
public enum NumericOperator { Lt, Lte, Gt, Gte }
