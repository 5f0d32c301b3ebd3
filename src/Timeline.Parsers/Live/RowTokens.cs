namespace Timeline.Parsers.Live;

/// <summary>
/// Walks the whitespace-separated cells of a command-output row while keeping positions, so the last
/// column can be taken as "the rest of the line" (command lines and file names contain spaces and
/// tabs, which must survive as they were printed).
/// </summary>
public ref struct RowTokens
{
    private readonly ReadOnlySpan<char> _line;
    private int _position;

    public RowTokens(ReadOnlySpan<char> line, int start = 0)
    {
        _line = line;
        // A start past the end (a column position from a header longer than the row) is the end.
        _position = Math.Clamp(start, 0, line.Length);
    }

    public int Position => _position;

    /// <summary>The next cell, or false at the end of the line.</summary>
    public bool Next(out ReadOnlySpan<char> token)
    {
        SkipSpace();
        var start = _position;
        while (_position < _line.Length && !char.IsWhiteSpace(_line[_position])) _position++;
        token = _line[start.._position];
        return token.Length > 0;
    }

    /// <summary>Everything after the current cell and the whitespace that follows it (empty at the end).</summary>
    public ReadOnlySpan<char> Rest()
    {
        SkipSpace();
        var rest = _line[_position..];
        _position = _line.Length;
        return rest;
    }

    private void SkipSpace()
    {
        while (_position < _line.Length && char.IsWhiteSpace(_line[_position])) _position++;
    }
}
