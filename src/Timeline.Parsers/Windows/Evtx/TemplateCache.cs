using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Compiled templates shared across the chunks one worker decodes. Every chunk stores its own copy
/// of each template definition it uses, so without this cache a template is compiled again in every
/// chunk (in sparse chunks of a dozen records, compiling dominated the decode).
/// <para>
/// A cached template is reused only when it would compile to exactly the same tree in the new chunk:
/// the definition bytes must be equal except the 4-byte name offsets, which are chunk-relative; each
/// of those must again be inline (when it was inline) or resolve to the same name string (when it
/// referred to a name elsewhere in the chunk); every element's dependency-id guess must come out the
/// same; and the nesting depth must stay within the limit. Templates that depend on anything else
/// (nested template instances, reads past the declared size, truncated definitions, errors) are never
/// shared. Bounded: it is emptied when full.
/// </para>
/// </summary>
internal sealed class TemplateCache
{
    private const int MaxBytes = 1 << 20;
    private const int MaxPerKey = 4;
    private readonly Dictionary<(Guid Guid, int Size), SharedTemplate[]> _entries = new();
    private int _bytes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinXmlTemplate? Find(ChunkData chunk, BinXmlCompiler compiler, int offset, int size, int depth)
    {
        if (!_entries.TryGetValue(Key(chunk, offset, size), out var candidates)) return null;
        foreach (var candidate in candidates)
        {
            if (candidate.Matches(chunk, compiler, offset + 24, depth)) return candidate.Template;
        }
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ChunkData chunk, int offset, int size, BinXmlTemplate template, List<TemplateFixup> fixups, int relativeDepth)
    {
        if (_bytes + size > MaxBytes)
        {
            _entries.Clear();
            _bytes = 0;
        }
        var shared = new SharedTemplate(chunk.Span(offset + 24, size).ToArray(), fixups.ToArray(), relativeDepth, template);
        var key = Key(chunk, offset, size);
        if (_entries.TryGetValue(key, out var candidates))
        {
            if (candidates.Length >= MaxPerKey) candidates = candidates[1..];
            _entries[key] = [.. candidates, shared];
        }
        else _entries[key] = [shared];
        _bytes += size + 64;
    }

    private static (Guid, int) Key(ChunkData chunk, int offset, int size) => (new Guid(chunk.Span(offset + 4, 16)), size);

    private sealed class SharedTemplate(byte[] bytes, TemplateFixup[] fixups, int relativeDepth, BinXmlTemplate template)
    {
        public BinXmlTemplate Template { get; } = template;

        /// <summary>
        /// True when the definition whose Binary XML starts at chunk offset <paramref name="start"/> (the definition
        /// offset + 24) compiles, at <paramref name="depth"/>, to this template.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Matches(ChunkData chunk, BinXmlCompiler compiler, int start, int depth)
        {
            if (depth + relativeDepth > BinXmlCompiler.MaxDepth) return false;
            if ((long)start + bytes.Length > chunk.Length) return false;
            var data = chunk.Buffer.AsSpan(start, bytes.Length);
            var cursor = 0;
            foreach (var fixup in fixups)
            {
                if (fixup.Kind is TemplateFixupKind.DependencyId or TemplateFixupKind.NoDependencyId)
                {
                    if (compiler.DependencyIdPresent(start + fixup.Position) != (fixup.Kind == TemplateFixupKind.DependencyId)) return false;
                    continue;
                }
                if (!data[cursor..fixup.Position].SequenceEqual(bytes.AsSpan(cursor, fixup.Position - cursor))) return false;
                var value = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data[fixup.Position..]), int.MaxValue);
                var inlineAt = start + fixup.Position + 4;
                if (fixup.Kind == TemplateFixupKind.InlineName)
                {
                    if (value != inlineAt) return false;
                }
                else if (value == inlineAt || (fixup.Kind == TemplateFixupKind.NameReference && !NameIs(chunk, value, fixup.Name!)))
                {
                    return false;
                }
                cursor = fixup.Position + 4;
            }
            return data[cursor..].SequenceEqual(bytes.AsSpan(cursor));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool NameIs(ChunkData chunk, int offset, string name)
        {
            try
            {
                return string.Equals(chunk.Name(offset), name, StringComparison.Ordinal);
            }
            catch (EvtxFormatException)
            {
                return false;
            }
        }
    }
}

/// <summary>
/// What a compiled template depends on besides its bytes, at a position relative to its Binary XML:
/// a name offset (the name stored right there, or a reference to <see cref="Name"/> elsewhere in the
/// chunk), or an element start and how its dependency-id guess came out.
/// </summary>
internal readonly record struct TemplateFixup(int Position, TemplateFixupKind Kind, string? Name);

internal enum TemplateFixupKind : byte
{
    DependencyId,
    NoDependencyId,
    InlineName,
    NameReference,
    /// <summary>A reference whose name the compiler never reads (a PI target): only "not inline" matters.</summary>
    UnreadNameReference,
}
