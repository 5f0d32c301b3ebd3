namespace Timeline.Core.Store;

/// <summary>The file is not a Timeline case (or is damaged beyond LiteDB's recovery).</summary>
public sealed class CaseFormatException(string message, Exception? inner = null) : Exception(message, inner);
