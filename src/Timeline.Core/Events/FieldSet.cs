using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Timeline.Core.Events;

/// <summary>
/// A small ordered set of string fields. Events carry a handful of fields, so a linear scan over
/// two arrays beats a hash table in speed and memory. Keys are case-sensitive and unique; adding an
/// existing key replaces its value.
/// </summary>
public sealed class FieldSet : IReadOnlyDictionary<string, string>
{
    public static readonly FieldSet Empty = new();

    private string[] _keys;
    private string[] _values;
    private int _count;

    public FieldSet(int capacity = 8)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new string[capacity];
    }

    public FieldSet(IEnumerable<KeyValuePair<string, string>> pairs) : this()
    {
        foreach (var (k, v) in pairs) Set(k, v);
    }

    public int Count => _count;

    /// <summary>Adds or replaces. Null or empty values are not stored: absent means unknown.</summary>
    public FieldSet Set(string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) return this;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                _values[i] = value;
                return this;
            }
        }
        Append(key, value);
        return this;
    }

    /// <summary>
    /// Appends without looking for an existing key: for parsers whose keys are already unique
    /// (EVTX records carry ~50 fields, where <see cref="Set"/>'s scan would cost quadratic time).
    /// A duplicate key added here is the caller's bug; lookups return the first.
    /// </summary>
    public FieldSet Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) Append(key, value);
        return this;
    }

    private void Append(string key, string value)
    {
        if (_count == _keys.Length)
        {
            var size = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }
        _keys[_count] = key;
        _values[_count] = value;
        _count++;
    }

    public string? Get(string key) => TryGetValue(key, out var v) ? v : null;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }
        value = null;
        return false;
    }

    public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public bool ContainsKey(string key) => TryGetValue(key, out _);
    public IEnumerable<string> Keys => _keys.Take(_count);
    public IEnumerable<string> Values => _values.Take(_count);
    public string KeyAt(int index) => _keys[index];
    public string ValueAt(int index) => _values[index];

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
