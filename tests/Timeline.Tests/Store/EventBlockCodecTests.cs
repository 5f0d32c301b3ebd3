using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Store;

public sealed class EventBlockCodecTests
{
    [Fact]
    public void EncodeThenDecodeKeepsEveryPropertyAtFullPrecision()
    {
        var timed = Some.Event(position: 7, ticks: 638450000000000001, message: "Accepted password for root", fields: [("user", "root"), ("src_ip", "203.0.113.9")]);
        var untimed = Some.Event(position: 9, ticks: null, message: "wget http://x/y");
        var bounded = new EventRecord
        {
            Ticks = null, SortTicks = 638450000000000500, TimeQuality = TimeQuality.OrderOnly, Host = "h", Parser = "linux/bash-history",
            Message = "ls\nmulti-line ünïcode", Fields = new FieldSet().Set("command", "ls"), Origin = new Origin("f", Some.Sha, 12, PositionKind.Record),
        };
        var decoded = EventBlockCodec.Decode(EventBlockCodec.Encode([timed, untimed, bounded]), "evidence.log", Some.Sha);
        Assert.Equal(3, decoded.Count);
        Assert.Equal(638450000000000001, decoded[0].Ticks);
        Assert.Equal("203.0.113.9", decoded[0].Fields.Get("src_ip"));
        Assert.Equal(7, decoded[0].Origin.Position);
        Assert.Null(decoded[1].Ticks);
        Assert.Null(decoded[1].SortTicks);
        Assert.Equal(TimeQuality.OrderOnly, decoded[1].TimeQuality);
        Assert.Equal(638450000000000500, decoded[2].SortTicks);
        Assert.Equal(PositionKind.Record, decoded[2].Origin.Kind);
        Assert.Equal("ls\nmulti-line ünïcode", decoded[2].Message);
        Assert.Equal("linux/bash-history", decoded[2].Parser);
    }
}
