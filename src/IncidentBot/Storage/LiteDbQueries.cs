using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// LiteDB queries whose values are parameters. LiteDB compiles each distinct expression text once and keeps the
/// compiled delegate, with its generated code, in a static cache for the life of the process. <c>Query.EQ</c>,
/// <c>Query.LT</c>, <c>Query.In</c> and the like write their value into the text, so every distinct value (each
/// reminder tick's instant, each retention cutoff, each batch of ids) added an entry of a few kilobytes for good: the
/// managed heap grew by about 40 KB per incident over a simulated year. Here the text is fixed and the value a
/// parameter, so the cache holds one entry per query; a batch of ids is deleted one id at a time instead of by
/// <c>IN</c>, which seeks the key anyway. (A LINQ lambda is no better on the change path: translating it walks its tree
/// on every call.)
/// </summary>
internal static class LiteDbQueries
{
    // This thread's parsed expressions, by text; see Reused.
    [ThreadStatic]
    private static Dictionary<string, BsonExpression>? parsed;

    /// <summary>
    /// The document whose key is <paramref name="id"/>, or null. LiteDB's own <c>FindById</c> parses <c>_id = @0</c>
    /// again on every call; see <see cref="Reused"/>.
    /// </summary>
    public static T? ById<T>(this ILiteCollection<T> collection, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return collection.Find(Reused("_id = @0", id)).FirstOrDefault();
    }

    /// <summary>The documents for which <paramref name="text"/> holds with <c>@0</c> = <paramref name="value"/>, read to the end here; see <see cref="Reused"/>.</summary>
    public static List<T> Where<T>(this ILiteCollection<T> collection, string text, BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return [.. collection.Find(Reused(text, value))];
    }

    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>
    /// This thread's parsed expression of <paramref name="text"/>, with <c>@0</c> set to <paramref name="value"/>.
    /// <c>BsonExpression.Create</c> parses its text on every call, building the expression tree again (only the compiled
    /// delegate is cached); a key lookup, a lane read and a war-room lookup parsed theirs every time, about 1.5% of the
    /// bot's CPU samples at 100 changes/s. One expression per text and thread parses each text once per thread. Its
    /// parameter is set just before the query runs on that same thread, so only <see cref="ById"/> and
    /// <see cref="Where"/> use it: each reads its query to the end before anything else on the thread can set it again.
    /// </summary>
    internal static BsonExpression Reused(string text, BsonValue value)
    {
        var mine = parsed ??= new Dictionary<string, BsonExpression>(StringComparer.Ordinal);
        if (!mine.TryGetValue(text, out var expression))
        {
            expression = BsonExpression.Create(text, BsonValue.Null);
            mine[text] = expression;
        }

        expression.Parameters["0"] = value;
        return expression;
    }

    /// <summary>
    /// Equal in one field and before a value in another: one expression, since <c>Query.And</c> of two parameterized
    /// ones joins their texts and both name their value <c>@0</c>, so one of them would be asked with the other's value.
    /// </summary>
    public static BsonExpression EqualAndBefore(string field, BsonValue value, string beforeField, BsonValue before) =>
        BsonExpression.Create($"$.{field} = @0 AND $.{beforeField} < @1", value, before);

    /// <summary>From <paramref name="from"/> (included) to <paramref name="until"/> (excluded).</summary>
    public static BsonExpression Within(string field, BsonValue from, BsonValue until) =>
        BsonExpression.Create($"$.{field} >= @0 AND $.{field} < @1", from, until);

    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create($"$.{field} LIKE @0", prefix + "%");

    /// <summary>Deletes the documents of <paramref name="ids"/> by key; how many were there.</summary>
    public static int Delete(ILiteCollection<BsonDocument> collection, IEnumerable<BsonValue> ids) =>
        ids.ToList().Count(collection.Delete);
}
