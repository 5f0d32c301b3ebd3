using System.Collections.Frozen;
using System.Globalization;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// System call numbers named per architecture. The <c>arch=</c> field of a SYSCALL record is an
/// AUDIT_ARCH value (hex); the number in <c>syscall=</c> means a different call on each architecture
/// (59 is execve on x86_64, 221 on aarch64, 11 on i386). The tables are data: embedded
/// <c>Syscalls/*.tsv</c> files, each naming its source in its header.
/// </summary>
public static class SyscallTable
{
    private static readonly Lazy<FrozenDictionary<string, string>> Arches = new(() => Load("arches"));
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Tables = new(() =>
        Arches.Value.Values.Distinct().ToFrozenDictionary(a => a, Load, StringComparer.Ordinal));

    /// <summary>The architecture name of an <c>arch=</c> value (<c>c000003e</c> → <c>x86_64</c>), or null when unknown.</summary>
    public static string? ArchName(string? arch) =>
        arch is not null && Arches.Value.TryGetValue(arch.ToLowerInvariant(), out var name) ? name : null;

    /// <summary>The name of syscall <paramref name="number"/> on <paramref name="archName"/>, or null when the table has none.</summary>
    public static string? Name(string? archName, string? number) =>
        archName is not null && number is not null && Tables.Value.TryGetValue(archName, out var table) && table.TryGetValue(number, out var name) ? name : null;

    private static FrozenDictionary<string, string> Load(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(SyscallTable).Assembly.GetManifestResourceStream($"Timeline.Parsers.Audit.Syscalls.{name}.tsv")
            ?? throw new InvalidOperationException($"the embedded syscall table '{name}.tsv' is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var key = line[..tab];
            if (name != "arches" && !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            map.TryAdd(key, line[(tab + 1)..].Trim());
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
