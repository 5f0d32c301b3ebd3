using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// A machine-readable way to write events one per row (CSV, JSON lines, …), shared by
/// <c>query --format</c> and the report's exports. To add one, add a class implementing this
/// interface with a public parameterless constructor in <c>Timeline.Core.Output</c>: the catalog
/// (<see cref="EventRowFormats"/>) finds it, <c>--format</c> accepts it and <c>--help</c> lists it.
/// </summary>
public interface IEventRowFormat
{
    /// <summary>The name given to <c>--format</c>, lower case.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Starts writing rows of <paramref name="columns"/> to <paramref name="output"/> (a format may keep its own shape, as JSON lines keep the event contract).</summary>
    IEventRowWriter Open(Stream output, IEventColumns columns);
}

/// <summary>Rows being written: one call per event, then <see cref="IDisposable.Dispose"/> flushes.</summary>
public interface IEventRowWriter : IDisposable
{
    void Write(EventRecord e, EventFindings findings);
}
