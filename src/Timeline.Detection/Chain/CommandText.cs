namespace Timeline.Detection.Chain;

/// <summary>One command line in the forms the pattern lists compare with: as written, lower-cased, its simple commands and the program each runs.</summary>
public sealed record CommandText(string Original, string Lower, IReadOnlyList<string> Segments, IReadOnlyList<string> FirstWords)
{
    public static CommandText Of(string command)
    {
        var segments = CommandAnalytic.Segments(command);
        return new(command, command.ToLowerInvariant(), segments, segments.Select(CommandAnalytic.FirstWord).ToList());
    }
}
