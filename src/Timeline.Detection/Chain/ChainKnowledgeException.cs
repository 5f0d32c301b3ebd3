namespace Timeline.Detection.Chain;

/// <summary>A chain data file (<c>sigma/phases.yml</c>, <c>techniques.yml</c>, <c>response.yml</c>, <c>indicators/</c>, <c>commands/</c>, <c>patterns/</c>) is missing or malformed; the message names file and line.</summary>
public sealed class ChainKnowledgeException(string message, Exception? inner = null) : Exception(message, inner);
