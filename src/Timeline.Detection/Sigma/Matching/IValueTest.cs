namespace Timeline.Detection.Sigma.Matching;

/// <summary>One compiled rule value: tests one event value (null = field absent).</summary>
public interface IValueTest
{
    bool Test(string? value, IFieldSource source);

    /// <summary>A literal that every matching value contains, if there is one (for prefiltering).</summary>
    string? RequiredLiteral { get; }
}
