namespace Timeline.Detection.Chain;

/// <summary>A chain data file (<c>sigma/phases.yml</c>, <c>sigma/indicators/*.yml</c>) is missing or malformed; the message names file and line.</summary>
public sealed class ChainKnowledgeException(string message, Exception? inner = null) : Exception(message, inner);
