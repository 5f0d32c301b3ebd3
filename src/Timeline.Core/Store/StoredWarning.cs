namespace Timeline.Core.Store;

/// <summary>A warning as stored in the case: file, position and message.</summary>
public sealed record StoredWarning(string File, string Sha256, long Position, string Kind, string Message, string Excerpt);
