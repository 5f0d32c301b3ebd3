using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>One connection of the live state: its PID (when the tool showed it), program, peer and state.</summary>
public sealed record LiveConnectionRow(int? Pid, string? Process, string RemoteIp, string RemotePort, string? State, string EventId, long? Ticks, TimeQuality TimeQuality, Origin Origin, string Parser)
{
    /// <summary><c>address:port</c>, IPv6 addresses in brackets.</summary>
    public string Remote => (RemoteIp.Contains(':') ? $"[{RemoteIp}]" : RemoteIp) + ":" + RemotePort;
}
