namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Members a collector writes about its own run (its log, the request it ran, its upload index), as
/// opposed to copies of the host's files or the output of commands run on the host. They are evidence
/// of the collection — recorded with their SHA-256 and a note, listed as collector metadata — but no
/// parser reads them as host events, so they are not "unrecognised" either. What each collector writes
/// at the top of its archive (per its documentation and output):
/// <list type="bullet">
/// <item>UAC: <c>uac.log</c> (the run's log: host, command line, start and end) and <c>uac.log.stderr</c>.</item>
/// <item>Velociraptor offline collector: <c>client_info.json</c> (host identity), <c>collection_context.json</c>,
///   <c>requests.json</c> (the artifacts asked for), <c>log.json</c>/<c>logs.json</c> (the collector's log),
///   <c>uploads.json</c> (the upload list), and the <c>*.json.index</c> row indexes beside those files and
///   beside each <c>results/*.json</c>.</item>
/// <item>CatScale: <c>catscale_out/&lt;host&gt;-&lt;date&gt;-&lt;time&gt;-console-error-log.txt</c> (the script's own errors).</item>
/// </list>
/// </summary>
public static class CollectorMetadataMember
{
    /// <summary>What the member is, in words, when the collector wrote it about its own run; else null.</summary>
    public static string? Describe(IReadOnlyList<string> segments, CollectorKind kind)
    {
        if (segments.Count == 0) return null;
        var last = segments[^1];
        switch (kind)
        {
            case CollectorKind.Uac when segments.Count == 1:
                return last switch
                {
                    "uac.log" => "UAC's log of the collection run (host name and collection time are read from it)",
                    "uac.log.stderr" => "UAC's error output of the collection run",
                    _ => null,
                };
            case CollectorKind.Velociraptor:
                if (last.EndsWith(".json.index", StringComparison.Ordinal) && (segments.Count == 1 || (segments.Count == 2 && segments[0] == "results")))
                    return "Velociraptor's row index of a JSON file beside it";
                if (segments.Count != 1) return null;
                return last switch
                {
                    "client_info.json" => "Velociraptor's client information (host name is read from it; its time is the collection time)",
                    "collection_context.json" => "Velociraptor's collection context (the collection's id, artifacts and state)",
                    "requests.json" => "Velociraptor's request: the artifacts and parameters the collector ran",
                    "log.json" or "logs.json" => "Velociraptor's log of the collection run",
                    "uploads.json" => "Velociraptor's list of the files it uploaded",
                    _ => null,
                };
            case CollectorKind.CatScale when segments.Count == 2 && segments[0] == "catscale_out" && last.EndsWith("-console-error-log.txt", StringComparison.Ordinal):
                return "CatScale's error output of the collection run";
            default:
                return null;
        }
    }
}
