namespace Timeline.Detection.Sigma.Correlations;

/// <summary>The most recent event ids of a group, bounded: older ids fall off.</summary>
internal sealed class IdRing(int capacity)
{
    private readonly Queue<string> _ids = new();

    public void Add(string id)
    {
        if (_ids.Count == capacity) _ids.Dequeue();
        _ids.Enqueue(id);
    }

    public void AddRange(IEnumerable<string> ids)
    {
        foreach (var id in ids) Add(id);
    }

    public IReadOnlyList<string> ToList() => [.. _ids];
    public void Clear() => _ids.Clear();
}
