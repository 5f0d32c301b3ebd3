using System.Reflection;

namespace Timeline.Core.Ingest;

/// <summary>
/// Finds every concrete <typeparamref name="T"/> in the given assemblies, builds it with its public
/// parameterless constructor and keys it by name. Extension points (parsers, modifiers, writers) are
/// added by adding a class, never by editing a list. A class without that constructor and duplicate
/// names are programming errors and throw.
/// </summary>
public sealed class Catalog<T> where T : class
{
    private readonly Dictionary<string, T> _byName;

    public Catalog(Func<T, string> nameOf, params Assembly[] assemblies)
    {
        _byName = new Dictionary<string, T>(StringComparer.Ordinal);
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            // A class that cannot be built would silently vanish from the tool (a parser that never
            // parses, a format that never appears): that is a programming error, said at once.
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new InvalidOperationException($"{type.FullName} implements {typeof(T).Name} but has no public parameterless constructor, so the catalog cannot build it.");
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
