using Timeline.Core.Events;

namespace Timeline.Core.Findings;

/// <summary>
/// What a triage collector saw running on the host when it captured its state (process list, sockets,
/// open files): the suspicious processes and their connections, each with why it is listed. Present on
/// a chain only when the host has live-state evidence; an empty list then means the collector saw
/// nothing suspicious running. Times are the collection time, never when the process started.
/// </summary>
/// <param name="CollectedAtTicks">When the state was captured (UTC ticks), or null when unknown.</param>
/// <param name="TimeQuality">How that time is known (<see cref="TimeQuality.Snapshot"/>, with <see cref="TimeQuality.FileMtime"/> when the collector's own time was missing).</param>
/// <param name="Processes">The suspicious processes, each with why it is listed.</param>
/// <param name="Connections">Their connections worth listing (to pools, or any connection of a miner).</param>
public sealed record LiveState(long? CollectedAtTicks, TimeQuality TimeQuality, IReadOnlyList<LiveProcess> Processes, IReadOnlyList<LiveConnection> Connections);

/// <summary>A process running at collection that shows signs of a miner or of hiding (<see cref="Why"/>); <see cref="Mining"/> when the signs make it a miner.</summary>
public sealed record LiveProcess(int Pid, string? User, string Command, double? Cpu, string Why, bool Mining, IReadOnlyList<string> EventIds, string? Exe = null, string? Process = null);

/// <summary>A connection of a listed process (or to a pool) at collection: remote as <c>address:port</c>.</summary>
public sealed record LiveConnection(int Pid, string? Process, string Remote, string Why, IReadOnlyList<string> EventIds);
