using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Web;

/// <summary>
/// The request fields web/access and web/iis share: the target split into path and query, and their
/// percent-decoded copies (<see cref="PercentDecoding"/>) with the <c>percent_encoded</c> marker when
/// decoding changed anything, so the Sigma mapping can show rules the decoded view too.
/// </summary>
public static class RequestFields
{
    /// <summary>Sets uri, path, query and the decoded copies from a target (<c>/a/b.php?x=1</c>, or an absolute URL of a proxy request).</summary>
    public static void SetTarget(FieldSet fields, string uri)
    {
        fields.Set(WebFieldNames.Uri, uri);
        var q = uri.IndexOf('?');
        var path = q < 0 ? uri : uri[..q];
        var query = q < 0 ? null : uri[(q + 1)..];
        SetPathAndQuery(fields, path, query);
    }

    /// <summary>Sets path, query and decoded copies (IIS logs them apart: <c>cs-uri-stem</c>, <c>cs-uri-query</c>).</summary>
    public static void SetPathAndQuery(FieldSet fields, string path, string? query)
    {
        fields.Set(FieldNames.Path, path);
        fields.Set(WebFieldNames.Query, query);
        var pathDecoded = PercentDecoding.Decode(path, plusIsSpace: false);
        var queryDecoded = query is null ? null : PercentDecoding.Decode(query, plusIsSpace: true);
        if (pathDecoded is null && queryDecoded is null) return;
        fields.Set(WebFieldNames.PathDecoded, pathDecoded);
        fields.Set(WebFieldNames.QueryDecoded, queryDecoded);
        var uriDecoded = (pathDecoded ?? path) + (query is null ? "" : "?" + (queryDecoded ?? query));
        fields.Set(WebFieldNames.UriDecoded, uriDecoded);
        fields.Set(WebFieldNames.PercentEncoded, "yes");
    }
}
