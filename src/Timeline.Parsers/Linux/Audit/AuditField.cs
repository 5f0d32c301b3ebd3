namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// One <c>name=value</c> of an audit record as written. <see cref="Quoted"/>: the value was in double
/// quotes (a literal string); a bare value of a string field is hex (the kernel and libaudit hex-encode
/// strings holding a space, a quote, a control byte or a byte over 0x7E). <see cref="Enriched"/>: an
/// uppercase field after the 0x1D separator of <c>log_format = ENRICHED</c> (auditd's own
/// interpretation: <c>UID="root"</c>, <c>SYSCALL=execve</c>). <see cref="Inner"/>: inside a user-space
/// record's <c>msg='…'</c>.
/// </summary>
public readonly record struct AuditField(string Name, string Value, bool Quoted, bool Enriched, bool Inner);
