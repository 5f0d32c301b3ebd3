namespace Timeline.Tests.Scenarios;

/// <summary>
/// How <see cref="ContractMatch"/> treats arrays of objects whose expected list may be partial. In the
/// default (<see cref="Subset"/>) extra actual items are accepted; an array named in
/// <see cref="CompleteArrays"/> (or every array, <see cref="Strict"/>) must have exactly the expected items.
/// Extra object keys are accepted in every mode: the contract may grow.
/// </summary>
public sealed record ContractMatchMode(IReadOnlySet<string> CompleteArrays, bool EveryArrayComplete = false)
{
    public static readonly ContractMatchMode Subset = new(new HashSet<string>(StringComparer.Ordinal));

    public static readonly ContractMatchMode Strict = new(new HashSet<string>(StringComparer.Ordinal), EveryArrayComplete: true);

    /// <summary>Extra items fail in the arrays with these property names, and only there.</summary>
    public static ContractMatchMode Complete(params string[] arrays) => new(new HashSet<string>(arrays, StringComparer.Ordinal));

    public bool IsComplete(string arrayName) => EveryArrayComplete || CompleteArrays.Contains(arrayName);
}
