namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// A Sigma value modifier (the token after <c>|</c> in a detection key). Modifiers are applied left to
/// right, each rewriting the <see cref="ValuePattern"/>; the engine never switches on a modifier name.
/// To add one: create <c>XxxModifier.cs</c> here implementing this interface with a public parameterless
/// constructor (found by <c>Catalog&lt;IModifier&gt;</c>), and add rows to <c>ModifierTests</c>.
/// </summary>
public interface IModifier
{
    /// <summary>The token in rule keys, e.g. <c>contains</c>, <c>base64offset</c>.</summary>
    string Name { get; }

    /// <summary>Rewrites the pattern; throws <see cref="RuleLoadException"/> when the values do not fit.</summary>
    ValuePattern Apply(ValuePattern pattern);
}
