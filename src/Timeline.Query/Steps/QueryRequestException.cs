namespace Timeline.Query.Steps;

/// <summary>
/// A request that names something the case does not have — a saved query, an event id — or a
/// workflow the case cannot answer. The message is for the user (it suggests close names).
/// </summary>
public sealed class QueryRequestException(string message) : Exception(message);
