using System.Text;

namespace Timeline.Core.Output;

/// <summary>
/// A write-only stream for machine formats (CSV, JSON lines, chain JSON and Markdown) printed to a
/// terminal: each line is made visible with <see cref="VisibleText"/> before it reaches the terminal,
/// so an ESC sequence, an OSC title change, a C1 control, a bidirectional override or U+2028/U+2029
/// in evidence cannot act on it; the line breaks between lines are kept. Bytes are decoded as UTF-8
/// per whole line, so a character split across writes is never cut. Only for terminals: to a file
/// or a pipe the formats are written unchanged, byte for byte.
/// </summary>
public sealed class VisibleLineStream(Stream inner) : Stream
{
    private readonly MemoryStream _line = new();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.Write(buffer);
                return;
            }
            _line.Write(buffer[..newline]);
            EmitLine();
            inner.WriteByte((byte)'\n');
            buffer = buffer[(newline + 1)..];
        }
    }

    private void EmitLine()
    {
        if (_line.Length == 0) return;
        var text = Utf8.GetString(_line.GetBuffer(), 0, (int)_line.Length);
        inner.Write(Utf8.GetBytes(VisibleText.Show(text)));
        _line.SetLength(0);
    }

    /// <summary>Flushes complete lines only; a pending partial line goes out when the stream is disposed.</summary>
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EmitLine();
            inner.Flush();
            inner.Dispose();
            _line.Dispose();
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
