using Timeline.Core.Vocabulary;
using Timeline.Core.Events;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Every message no specific grammar claims: a <c>linux/syslog</c> event carrying only the header
/// fields (<c>program</c>, <c>pid</c>, and for RFC 5424 <c>facility</c>, <c>severity</c>, <c>msgid</c>, <c>sd</c>).
/// <code>Mar  2 03:17:01 web01 systemd[1]: Started Session 3 of User root.</code>
/// </summary>
public sealed class GenericSyslogGrammar : ISyslogMessageGrammar
{
    public const string ParserName = ParserNames.Syslog;

    public string Name => "syslog";
    public string EventParser => ParserName;
    public IReadOnlyList<string> Programs => [];
    public IReadOnlyList<string> MessagePrefixes => [];

    public void Read(ReadOnlySpan<char> message, FieldSet fields)
    {
    }
}
