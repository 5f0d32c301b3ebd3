namespace Timeline.Core.Ingest;

/// <summary>
/// One line of a text log. <see cref="Text"/> is decoded UTF-8 without the line end (LF or CRLF);
/// bytes that are not valid UTF-8, and NUL bytes, appear as <c>\xNN</c> so the evidence survives.
/// </summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The decoded line, cut at the reader's limit when <paramref name="Truncated"/>.</param>
/// <param name="Truncated">The line was longer than the limit; only its start is in <paramref name="Text"/>.</param>
/// <param name="ByteLength">The full length of the line in bytes, without the line end.</param>
/// <param name="LeadingNul">NUL bytes kept as <c>\x00</c> at the start of <paramref name="Text"/> (a run a crash left before the line; the reader's warning gives the full count).</param>
public readonly record struct TextLine(long Number, string Text, bool Truncated, long ByteLength, int LeadingNul = 0)
{
    /// <summary>The text after the leading NUL run: what a format's header is read from.</summary>
    public string Content => LeadingNul == 0 ? Text : Text[(4 * LeadingNul)..];
}
