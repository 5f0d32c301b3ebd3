namespace Timeline.Core.Store;

/// <summary>A query saved in the case under a name (<c>timeline query --save NAME</c>).</summary>
public sealed record SavedQuery(string Name, string Text, long SavedTicks);
