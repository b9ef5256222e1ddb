namespace IncidentBot.Storage;

/// <summary>
/// One collection of a feature's own small documents (alert offers, upload progress), each stored whole under its
/// <c>Id</c> property, on whichever engine the bot runs. Each write is one transaction of its own.
/// </summary>
public interface IDocuments<in TKey, T>
    where TKey : notnull
    where T : class
{
    T? Find(TKey id);

    /// <summary>The documents stored under <paramref name="ids"/>, those missing left out: one look-up by key each, in one round trip.</summary>
    IReadOnlyList<T> FindMany(IReadOnlyCollection<TKey> ids);

    /// <summary>Every document of the collection; for the small ones (a few per incident) only.</summary>
    IReadOnlyList<T> All();

    /// <summary>Stores <paramref name="document"/> under its id, replacing what was stored there.</summary>
    Task UpsertAsync(T document);

    Task DeleteAsync(TKey id);
}
