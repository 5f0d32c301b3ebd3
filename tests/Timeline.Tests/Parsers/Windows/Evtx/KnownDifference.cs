using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// A file where evtxexport is not usable as the oracle, with the reason and what was verified
/// instead (by hand, with a hex viewer and evtx_dump.py where it works). The check still fails on
/// any change: the record count, the warnings and the listed values are pinned.
/// </summary>
internal sealed record KnownDifference(string Reason, int Records, IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>> Pinned)
{
    public void Check(ParseOutcome ours, EvtxReference reference)
    {
        Assert.True(reference.Failed || reference.Records.Count != Records, $"evtxexport now reads this file ({Reason}); remove it from KnownDifferences");
        Assert.Empty(ours.Warnings);
        Assert.Equal(Records, ours.Events.Count);
        foreach (var (record, fields) in Pinned)
        {
            var e = ours.Events.Single(x => x.Origin.Position == record);
            foreach (var (key, value) in fields) Assert.Equal(value, e.Fields.Get(key));
        }
    }
}
