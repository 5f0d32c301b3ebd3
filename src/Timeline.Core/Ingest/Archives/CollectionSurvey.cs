using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// The first pass over an archive: the member names (their first levels, enough to tell the
/// collector) and the few small metadata members that say which host and when: UAC's <c>uac.log</c>
/// (lines <c>YYYY-MM-DD hh:mm:ss ±hhmm LEVEL message</c>; the last time is when the collection ended),
/// Velociraptor's <c>client_info.json</c> (<c>Hostname</c>, <c>Fqdn</c>; the collector writes it at the
/// end of the run, so its member time is the collection time), CatScale's file names
/// (<c>&lt;host&gt;-&lt;YYYYMMDD&gt;-&lt;HHMM&gt;-…</c>, the host's local time), and <c>etc/hostname</c> /
/// <c>etc/timezone</c> wherever the layout puts them.
/// </summary>
public sealed partial class CollectionSurvey
{
    private const int MetadataBytes = 64 * 1024;
    private const int KeptLevels = 3;
    private readonly List<IReadOnlyList<string>> _names = [];
    private readonly List<(IReadOnlyList<string> Segments, HostMetadataFile.Kind Kind, string? Value)> _etc = [];
    private string? _uacLog;
    private string? _clientInfo;
    private DateTimeOffset? _clientInfoTime;
    private (string Host, DateTime Local)? _catScale;

    public void Observe(MemberName name, ArchiveMember member)
    {
        var segments = name.Segments;
        _names.Add(segments.Count <= KeptLevels ? segments : segments.Take(KeptLevels).Append("…").ToList());
        if (member.Kind != MemberKind.File || member.Content is null || segments.Count == 0) return;
        if (segments.Count == 1 && segments[0] == "uac.log") _uacLog = ReadText(member.Content);
        else if (segments.Count == 1 && segments[0] == "client_info.json")
        {
            _clientInfo = ReadText(member.Content);
            _clientInfoTime = member.ModifiedUtc.Year > 1980 ? member.ModifiedUtc : null;
        }
        else if (HostMetadataFile.Of(string.Join('/', segments)) is var kind and not HostMetadataFile.Kind.None)
            _etc.Add((segments, kind, HostMetadataFile.Value(member.Content)));
        if (_catScale is null && segments.Count > 1 && segments[0] == "catscale_out" && CatScaleName().Match(segments[^1]) is { Success: true } m
            && DateTime.TryParseExact(m.Groups["d"].Value + m.Groups["t"].Value, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            _catScale = (m.Groups["host"].Value, local);
    }

    public IReadOnlyCollection<IReadOnlyList<string>> Names => _names;

    /// <summary>What the survey says, with the problems found (a host that disagrees with the archive's name, metadata that cannot be read).</summary>
    public Collection Conclude(string archiveFileName, List<string> warnings)
    {
        var kind = CollectorLayout.Detect(_names);
        string? host = null, hostSource = null, whenSource = null;
        DateTimeOffset? when = null;
        string? FromEtc(HostMetadataFile.Kind k) => _etc
            .Where(e => e.Kind == k && (CollectorLayout.HostPath(e.Segments, kind) is "/etc/hostname" or "/etc/timezone"))
            .Select(e => e.Value).FirstOrDefault(v => v is not null);

        switch (kind)
        {
            case CollectorKind.Uac when _uacLog is not null:
                (host, when) = UacLog(_uacLog);
                if (host is not null) hostSource = "UAC's uac.log";
                if (when is not null) whenSource = "the last time in UAC's uac.log";
                break;
            case CollectorKind.Velociraptor when _clientInfo is not null:
                host = ClientInfoHost(_clientInfo, warnings);
                if (host is not null) hostSource = "Velociraptor's client_info.json";
                when = _clientInfoTime;
                if (when is not null) whenSource = "the time of Velociraptor's client_info.json";
                break;
            case CollectorKind.CatScale when _catScale is { } c:
                host = c.Host;
                hostSource = "CatScale's file names";
                break;
        }
        var zoneName = FromEtc(HostMetadataFile.Kind.Timezone);
        var zone = HostMetadataFile.Zone(zoneName);
        if (zoneName is not null && zone is null) warnings.Add($"etc/timezone names '{zoneName}', a zone this machine does not know: ignored");
        if (kind == CollectorKind.CatScale && _catScale is { } cs)
        {
            // CatScale stamps its file names with the host's local clock (date +%Y%m%d-%H%M).
            var z = zone ?? TimeZoneInfo.Utc;
            when = new DateTimeOffset(cs.Local, z.GetUtcOffset(cs.Local)).ToUniversalTime().AddMinutes(1); // to the end of the named minute
            whenSource = "CatScale's file names" + (zone is null ? " (host zone unknown: read as UTC)" : $" (local time in {z.Id})");
        }
        if (FromEtc(HostMetadataFile.Kind.Hostname) is { } etcHost)
        {
            if (host is null)
            {
                host = etcHost;
                hostSource = "etc/hostname in the archive";
            }
            else if (!SameHost(host, etcHost)) warnings.Add($"the collector names host '{host}' but etc/hostname in the archive says '{etcHost}'; '{host}' is used");
        }
        if (NameHost(archiveFileName) is { } named)
        {
            if (host is null)
            {
                host = named;
                hostSource = "the archive's file name";
            }
            else if (!SameHost(host, named)) warnings.Add($"the archive's name suggests host '{named}' but {hostSource} names '{host}'; '{host}' is used");
        }
        return new Collection(kind, host, hostSource, when, whenSource, zone);
    }

    private static bool SameHost(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || a.StartsWith(b + ".", StringComparison.OrdinalIgnoreCase) || b.StartsWith(a + ".", StringComparison.OrdinalIgnoreCase);

    private static (string? Host, DateTimeOffset? Last) UacLog(string text)
    {
        string? host = null;
        DateTimeOffset? last = null;
        foreach (var line in text.Split('\n'))
        {
            var m = UacLine().Match(line);
            if (!m.Success) continue;
            if (DateTime.TryParseExact(m.Groups["t"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                var sign = m.Groups["z"].Value[0] == '-' ? -1 : 1;
                var offset = new TimeSpan(int.Parse(m.Groups["z"].Value.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(m.Groups["z"].Value.AsSpan(3, 2), CultureInfo.InvariantCulture), 0) * sign;
                if (offset.Duration() <= TimeSpan.FromHours(14))
                {
                    var at = new DateTimeOffset(local, offset).ToUniversalTime();
                    if (last is null || at > last) last = at;
                }
            }
            if (host is null && UacHost().Match(m.Groups["msg"].Value) is { Success: true } h) host = h.Groups[1].Value;
        }
        return (host, last);
    }

    private static string? ClientInfoHost(string json, List<string> warnings)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0 ? doc.RootElement[0] : doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var key in new[] { "Hostname", "Fqdn" })
            {
                foreach (var p in root.EnumerateObject())
                {
                    if (string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String
                        && HostMetadataFile.Value(new MemoryStream(Encoding.UTF8.GetBytes(p.Value.GetString() ?? ""))) is { } v)
                        return v;
                }
            }
        }
        catch (JsonException ex)
        {
            warnings.Add($"client_info.json is not valid JSON ({ex.Message}): no host from it");
        }
        return null;
    }

    /// <summary>The host the collectors' default archive names carry: <c>uac-&lt;host&gt;-&lt;os&gt;-…</c>, <c>catscale_&lt;host&gt;-…</c>, <c>Collection-&lt;host&gt;-&lt;date&gt;…</c>.</summary>
    public static string? NameHost(string fileName)
    {
        var m = ArchiveNameHost().Match(fileName);
        if (!m.Success) return null;
        var host = m.Groups["uac"].Success ? m.Groups["uac"].Value : m.Groups["cat"].Success ? m.Groups["cat"].Value : m.Groups["velo"].Value;
        return host.Length is > 0 and <= 253 ? host : null;
    }

    private static string ReadText(Stream content)
    {
        var buffer = new byte[MetadataBytes];
        var got = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, got);
    }

    [GeneratedRegex(@"^(?<t>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (?<z>[+-]\d{4}) (?<msg>.*)$")]
    private static partial Regex UacLine();

    [GeneratedRegex(@"\bHostname: *([^\s]+)")]
    private static partial Regex UacHost();

    [GeneratedRegex(@"^(?<host>[A-Za-z0-9][A-Za-z0-9._-]*?)-(?<d>\d{8})-(?<t>\d{4})-")]
    private static partial Regex CatScaleName();

    [GeneratedRegex(@"^(?:uac-(?<uac>[^-]+(?:-[^-]+)*?)-(?:linux|aix|freebsd|macos|netbsd|openbsd|solaris|esxi|netscaler|android)-|catscale_(?<cat>.+?)-\d{8}|Collection-(?<velo>.+?)-\d{4}-\d\d-\d\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ArchiveNameHost();
}
