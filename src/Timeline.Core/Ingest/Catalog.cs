using System.Reflection;

namespace Timeline.Core.Ingest;

/// <summary>
/// Finds every concrete <typeparamref name="T"/> with a public parameterless constructor in the
/// given assemblies and keys it by name. Extension points (parsers, modifiers, writers) are added by
/// adding a class, never by editing a list. Duplicate names are a programming error and throw.
/// </summary>
public sealed class Catalog<T> where T : class
{
    private readonly Dictionary<string, T> _byName;

    public Catalog(Func<T, string> nameOf, params Assembly[] assemblies)
    {
        _byName = new Dictionary<string, T>(StringComparer.Ordinal);
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var item = (T)Activator.CreateInstance(type)!;
            var name = nameOf(item);
            if (!_byName.TryAdd(name, item))
                throw new InvalidOperationException($"Two {typeof(T).Name} implementations are named '{name}': {_byName[name].GetType().FullName} and {type.FullName}.");
        }
    }

    public IReadOnlyCollection<T> All => _byName.Values;
    public IReadOnlyCollection<string> Names => _byName.Keys;
    public T? Find(string name) => _byName.GetValueOrDefault(name);
}
