using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live;

/// <summary>
/// The fields and event kind of one socket row (ss, netstat, lsof). A socket with a peer is a
/// <c>live_connection</c>; a listening socket (TCP <c>LISTEN</c>, or UDP/raw bound without a peer) is
/// <c>live_listen</c>. The local side is the source and the peer the destination, as Sigma's
/// <c>network_connection</c> category reads them (the mapping says so).
/// </summary>
public static class SocketFields
{
    public static FieldSet Build(string? proto, SocketEndpoint local, SocketEndpoint? remote, string? state, string? pid, string? process, string? user = null)
    {
        var listening = state is "LISTEN" || remote is null || (remote.Value.IsAny && remote.Value.PortIsAny);
        var fields = new FieldSet(12)
            .Set(FieldNames.Event, listening ? LiveStateEvents.Listen : LiveStateEvents.Connection)
            .Set(FieldNames.Protocol, proto)
            .Set(FieldNames.LocalIp, local.Address)
            .Set(FieldNames.LocalPort, local.PortIsAny ? null : local.Port);
        if (!listening && remote is { } peer)
        {
            fields.Set(FieldNames.RemoteIp, peer.Address).Set(FieldNames.RemotePort, peer.PortIsAny ? null : peer.Port);
        }
        return fields
            .Set(FieldNames.State, state)
            .Set(FieldNames.Pid, pid)
            .Set(FieldNames.Process, process)
            .Set(FieldNames.User, user);
    }
}
