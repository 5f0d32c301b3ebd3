namespace Timeline.Core.Store;

/// <summary>Queries saved in the case under a name (<c>timeline query --save NAME</c>).</summary>
public interface ISavedQueryStore
{
    /// <summary>Saves a query, replacing one of the same name. Needs the case opened for writing.</summary>
    void Save(SavedQuery query);

    SavedQuery? Find(string name);

    IReadOnlyList<SavedQuery> All();
}
