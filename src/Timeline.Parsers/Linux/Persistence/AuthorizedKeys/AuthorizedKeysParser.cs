using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.AuthorizedKeys;

/// <summary>
/// <c>~/.ssh/authorized_keys</c> from a triage copy: one <c>authorized_key</c> event per key, with
/// its type, comment, options and the <c>SHA256:</c> fingerprint that sshd logs when the key is used,
/// so a planted key can be joined to the logins it enabled. Lines that are not keys (or keys that
/// do not decode) become warnings and <c>authorized_key_invalid</c> events. Timed by the file's mtime.
/// </summary>
public sealed class AuthorizedKeysParser : ILogParser
{
    public const string ParserName = ParserNames.AuthorizedKeys;

    private const int Sure = 95;
    private const int RedisDumpWithKey = 80;

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        // Redis can be made to save its RDB dump as authorized_keys ("REDIS0009" + binary records
        // around a newline-padded key): the dump shape plus one key line proves it.
        var redisDump = sample.Head.AsSpan().StartsWith("REDIS00"u8);
        if (sample.LooksBinary && !redisDump) return 0;
        int lines = 0, keys = 0;
        foreach (var line in sample.Lines)
        {
            if (IsComment(line) || line.AsSpan().Trim().IsEmpty) continue;
            lines++;
            if (AuthorizedKeyLine.Read(line).KeyType is not null) keys++;
        }
        if (keys == 0) return 0;
        return keys * 100 >= lines * 80 ? Sure : redisDump ? RedisDumpWithKey : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var user = AuthorizedKeysOwner.User(source.HostPath);
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            if (IsComment(line.Text) || line.Text.AsSpan().Trim().IsEmpty) continue;
            var key = AuthorizedKeyLine.Read(line.Text);
            string? fingerprint = null, problem;
            if (key.KeyType is null) problem = "no key type (ssh-rsa, ssh-ed25519, ecdsa-sha2-…) on this line";
            else if (key.Base64 is null) problem = "the key type is not followed by a key";
            else if (KeyFingerprint.TryCompute(key.KeyType, key.Base64, out var fp, out var why)) { fingerprint = fp; problem = null; }
            else problem = why;
            if (problem is not null) context.Warn(line.Number, $"not a usable authorized_keys entry: {problem}; kept as an authorized_key_invalid event", line.Text);

            var fields = new FieldSet(8)
                .Set(FieldNames.Event, problem is null ? PersistenceEvents.AuthorizedKey : PersistenceEvents.AuthorizedKeyInvalid)
                .Set(FieldNames.User, user)
                .Set(FieldNames.KeyType, key.KeyType)
                .Set(FieldNames.KeyFingerprint, fingerprint)
                .Set(FieldNames.KeyComment, key.Comment)
                .Set(FieldNames.KeyOptions, key.Options)
                .Set(FieldNames.Problem, problem)
                .Set(FieldNames.Path, source.HostPath);
            yield return FileMtimeEvent.Create(ParserName, source, context, line.Number, line.Text, fields);
        }
    }

    // sshd skips empty lines and lines starting with '#'.
    private static bool IsComment(string line) => line.AsSpan().TrimStart().StartsWith("#");
}
