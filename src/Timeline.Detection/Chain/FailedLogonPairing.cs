namespace Timeline.Detection.Chain;

/// <summary>
/// Tells whether a failed logon was already counted from the other kind of evidence. sshd writes each
/// failed password twice: a "Failed password for U from A" line (auth.log or the journal) and a btmp
/// record (what <c>lastb</c> reads) with the same user and address, within milliseconds. A host whose
/// evidence holds both must count the attempt once; a host with only one of them counts every attempt.
/// Failures arrive in time order, so only the last <see cref="Window"/> of each kind is kept, at most
/// <see cref="MaxPending"/> of them (a flood of failures inside one window cannot grow memory).
/// </summary>
public sealed class FailedLogonPairing
{
    /// <summary>The same failure told by a log line and a btmp record at most this far apart.</summary>
    public static readonly long Window = 2 * TimeSpan.TicksPerSecond;
    public const int MaxPending = 4096;

    private readonly LinkedList<(FailureEvidence Kind, string Source, string? User, long Ticks)> _pending = new();

    /// <summary>
    /// True when this failure is new and must be counted; false when it pairs with an unpaired failure
    /// of the other kind (same source and user, within <see cref="Window"/>), which is consumed.
    /// </summary>
    public bool IsNew(FailureEvidence kind, string source, string? user, long? ticks)
    {
        if (ticks is not { } t) return true;
        while (_pending.First is { } old && (t - old.Value.Ticks > Window || _pending.Count > MaxPending)) _pending.RemoveFirst();
        for (var n = _pending.First; n is not null; n = n.Next)
        {
            var p = n.Value;
            if (p.Kind == kind || p.Source != source || Math.Abs(p.Ticks - t) > Window) continue;
            if (p.User is not null && user is not null && p.User != user) continue;
            _pending.Remove(n);
            return false;
        }
        _pending.AddLast((kind, source, user, t));
        return true;
    }
}

/// <summary>Where a failed logon was told.</summary>
public enum FailureEvidence
{
    /// <summary>A log line: sshd's "Failed password" in auth.log or the journal, a Windows 4625.</summary>
    LogLine,
    /// <summary>A login record: a btmp record (<c>linux/utmp</c> <c>login_failed</c>).</summary>
    LoginRecord,
}
