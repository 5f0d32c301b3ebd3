namespace Timeline.Parsers.Linux.Journald;

/// <summary>The two journalctl serialisations Timeline reads.</summary>
public enum JournalFormat
{
    None,
    /// <summary><c>journalctl -o export</c>: <c>NAME=value</c> lines, binary fields, empty line between entries.</summary>
    Export,
    /// <summary><c>journalctl -o json</c>: one JSON object per line.</summary>
    Json,
}
