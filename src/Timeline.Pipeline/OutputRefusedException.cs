namespace Timeline.Pipeline;

/// <summary>An output path names a file the tool must not replace (evidence of the case, the case, a file we did not write); the message says what to do.</summary>
public sealed class OutputRefusedException(string message) : IOException(message);
