using System.Text;
using Timeline.Core.Output;
using Xunit;

namespace Timeline.Tests.Output;

/// <summary>Issue 11 item 8: machine formats on a terminal cannot drive it.</summary>
public sealed class VisibleLineStreamTests
{
    private static string Through(string text, int chunk)
    {
        var sink = new MemoryStream();
        using (var visible = new VisibleLineStream(sink))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var i = 0; i < bytes.Length; i += chunk) visible.Write(bytes, i, Math.Min(chunk, bytes.Length - i));
        }
        return Encoding.UTF8.GetString(sink.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void EscapesOscC1BidiAndLineSeparatorsKeepsLineBreaksAndNeverCutsACharacter(int chunk)
    {
        var hostile = "a,\u001b[31mred\u001b]0;title\u0007,\u009b2J,\u202Efdp.exe,x\u2028y\u2029z,é€😀\nsecond\r\n";
        var shown = Through(hostile, chunk);
        Assert.Equal("a,\\u{001B}[31mred\\u{001B}]0;title\\u{0007},\\u{009B}2J,\\u{202E}fdp.exe,x\\u{2028}y\\u{2029}z,é€😀\nsecond\\u{000D}\n", shown);
        Assert.DoesNotContain(shown, c => c != '\n' && VisibleText.IsHidden(c));
    }

    [Fact]
    public void ALastLineWithoutBreakIsWrittenOnDispose() =>
        Assert.Equal("tail\\u{001B}", Through("tail\u001b", 2));
}
