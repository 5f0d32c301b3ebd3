namespace Timeline.Detection.Chain;

/// <summary>
/// One movement between hosts: an outbound ssh/scp (or reused key) on <see cref="FromHost"/> matched
/// with an inbound logon on <see cref="ToHost"/>, and why the two belong together.
/// </summary>
public sealed record LateralMove(string FromHost, string ToHost, Signal? Outbound, Login Inbound, string Via, double Confidence);
