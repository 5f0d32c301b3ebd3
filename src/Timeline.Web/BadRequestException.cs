namespace Timeline.Web;

/// <summary>A request parameter that cannot be used; answered with 400 and the message.</summary>
public sealed class BadRequestException(string message) : Exception(message);
