namespace Timeline.Tests.Support;

/// <summary>
/// Deterministic mutation of seed inputs, the CI counterpart of the afl++ runs in <c>fuzz/</c>: the same
/// seed number always yields the same inputs, so a failure names a reproducible case. Each mutant
/// applies one to four of afl's classic havoc operations — bit flips, interesting byte values, byte
/// insertion and deletion, truncation, splicing with another seed, NUL runs (what a crash leaves in a
/// log), and a chunk repeated many times (long lines, deep nesting).
/// </summary>
public sealed class SeededMutator(int seed)
{
    /// <summary>Byte values that sit on boundaries parsers test against (afl's "interesting" values plus separators).</summary>
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'\n', (byte)'\r', (byte)' ', (byte)':', (byte)'"', (byte)'[', (byte)'(', (byte)'{', (byte)'\\', (byte)'%'];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> others)
    {
        var bytes = new List<byte>(input);
        var operations = 1 + _random.Next(4);
        for (var i = 0; i < operations; i++) Apply(bytes, others);
        return bytes.ToArray();
    }

    private void Apply(List<byte> bytes, IReadOnlyList<byte[]> others)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(9))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 2:
                var inserted = new byte[1 + _random.Next(16)];
                _random.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)));
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5 when others.Count > 0:
                var other = others[_random.Next(others.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(from).ToArray());
                break;
            case 6:
                bytes.InsertRange(at, new byte[1 + _random.Next(_random.Next(2) == 0 ? 8 : 4096)]);
                break;
            case 7 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(8));
                var chunk = bytes.GetRange(at, length);
                var times = 2 + _random.Next(_random.Next(2) == 0 ? 16 : 2000);
                for (var i = 0; i < times; i++) bytes.InsertRange(at, chunk);
                break;
            default:
                if (bytes.Count > 0) bytes[at] = (byte)_random.Next(256);
                else bytes.Add((byte)_random.Next(256));
                break;
        }
    }
}
