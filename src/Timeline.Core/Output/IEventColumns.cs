using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// The columns of an event row and how to fill them: <see cref="EventRow"/> (every output's default)
/// or a query's <c>--fields a,b,c</c>. Cells are raw text; each row format makes them safe for its
/// medium (CSV quoting and formula neutralising, terminal escaping).
/// </summary>
public interface IEventColumns
{
    IReadOnlyList<string> Names { get; }

    /// <summary>The cells of one event, in the order of <see cref="Names"/>.</summary>
    IReadOnlyList<string?> Cells(EventRecord e, EventFindings findings);
}
