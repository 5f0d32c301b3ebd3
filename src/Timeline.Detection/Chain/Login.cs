using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>
/// A successful remote logon (sshd <c>Accepted …</c>, Windows 4624 type 10/3, RDP 1149) with what
/// was known about its source at that moment: failures before it from the same address, users
/// tried, whether the address and key were new on this host.
/// </summary>
public sealed class Login
{
    public required string EventId { get; init; }
    public required long Ticks { get; init; }
    public required TimeQuality TimeQuality { get; init; }
    public required Origin Origin { get; init; }
    public required string User { get; init; }
    public string? SourceIp { get; init; }
    /// <summary><c>password</c>, <c>publickey</c>, <c>keyboard-interactive/pam</c>, <c>rdp</c>, <c>network</c>….</summary>
    public required string Method { get; init; }
    public string? KeyFingerprint { get; init; }
    /// <summary>sshd pid or Windows logon id: closes the session when its disconnect is seen.</summary>
    public string? SessionKey { get; init; }
    public int FailuresBefore { get; init; }
    public IReadOnlyList<string> UsersTried { get; init; } = [];
    public long? FailFirstTicks { get; init; }
    public long? FailLastTicks { get; init; }
    public bool NewSource { get; init; }
    public bool NewKey { get; init; }
    /// <summary>How the failures were linked to this logon (e.g. the address and the NLA workstation name); null: the source address alone.</summary>
    public string? FailureSources { get; init; }
    /// <summary>An earlier logon of the same connection folded into this one (RDP with NLA: the type 3 network logon a second before the type 10).</summary>
    public Login? Preceding { get; init; }
    /// <summary>This logon and the one it absorbed.</summary>
    public IEnumerable<string> EventIds => Preceding is null ? [EventId] : [Preceding.EventId, EventId];
    public long? CloseTicks { get; set; }
    public List<string> RuleIds { get; } = [];
}
