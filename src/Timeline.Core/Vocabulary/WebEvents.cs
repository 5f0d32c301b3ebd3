namespace Timeline.Core.Vocabulary;

/// <summary>The <c>event</c> values of <c>web/access</c> and <c>web/iis</c> events: one per logged request.</summary>
public static class WebEvents
{
    public const string ParserName = ParserNames.WebAccess;

    /// <summary>One request line of an access log (nginx, Apache, IIS W3C), whatever its status.</summary>
    public const string Request = "web_request";
}
