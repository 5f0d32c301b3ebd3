namespace Timeline.Detection.Sigma;

/// <summary>Sigma's logsource triple; null parts are unconstrained. Compared case-insensitively.</summary>
public sealed record LogSource(string? Product, string? Category, string? Service)
{
    public override string ToString() => string.Join('/', new[] { Product, Category, Service }.Select(p => p ?? "*"));
}
