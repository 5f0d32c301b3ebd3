using System.Text;
using Timeline.Core.Ingest;

namespace Timeline.Tests.Parsers.Linux.Persistence;

/// <summary>Builds the <see cref="SniffSample"/> ingest would give a parser for inline text.</summary>
public static class Sniffing
{
    public static SniffSample Sample(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return FormatDetector.Sample(EvidenceSource.FromBytes(path, bytes, DateTimeOffset.UnixEpoch));
    }
}
