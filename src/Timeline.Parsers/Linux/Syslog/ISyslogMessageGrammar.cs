using Timeline.Core.Events;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Understands the messages of some syslog programs (the part after <c>prog[pid]: </c>).
/// Grammars are found by reflection (<see cref="SyslogGrammarTable"/>); to add one: (1) a class
/// implementing this with a unique <see cref="Name"/>, the <see cref="Programs"/> it reads and the
/// <see cref="EventParser"/> its events belong to; (2) table-driven tests of its line shapes.
/// </summary>
public interface ISyslogMessageGrammar
{
    /// <summary>Unique name of the grammar, e.g. <c>sshd</c>.</summary>
    string Name { get; }

    /// <summary>The <see cref="EventRecord.Parser"/> of its events, e.g. <c>linux/auth</c>.</summary>
    string EventParser { get; }

    /// <summary>Program names (syslog tags, case-sensitive) whose messages this grammar reads.</summary>
    IReadOnlyList<string> Programs { get; }

    /// <summary>Message prefixes claimed whatever the program (e.g. <c>pam_</c>); usually empty.</summary>
    IReadOnlyList<string> MessagePrefixes { get; }

    /// <summary>
    /// Adds the message's fields (at least <c>event</c>; <c>other</c> when the message is not
    /// recognised) to <paramref name="fields"/>. Must not throw on any input.
    /// </summary>
    void Read(ReadOnlySpan<char> message, FieldSet fields);
}
