using System.Reflection;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// LiteDB's <see cref="BsonMapper"/>, safe for the first use of a type from several threads at once. LiteDB 5.0.21 adds a
/// type's mapper to its table before it fills in the members, and looks the table up without a lock, so a thread that
/// comes in meanwhile maps the value with some or none of its members: a restarted bot's first declaration was stored as
/// six outbox messages without a kind (set aside as unknown steps, so no war room) while the outbox read its first
/// message. Here each type's mapper is built whole by a second mapper that nobody else uses, one type at a time, and only
/// the finished one goes into LiteDB's table (LiteDB asks for a build under its table's lock), so later look-ups take
/// LiteDB's own lock-free path as before.
/// </summary>
public sealed class ConcurrentBsonMapper : BsonMapper
{
    private static readonly Func<BsonMapper, Type, EntityMapper> BuildWhole = typeof(BsonMapper)
        .GetMethod("GetEntityMapper", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(Type)])?
        .CreateDelegate<Func<BsonMapper, Type, EntityMapper>>()
        ?? throw new InvalidOperationException("This LiteDB has no BsonMapper.GetEntityMapper(Type); see ConcurrentBsonMapper.");

    private static readonly FieldInfo Table = typeof(BsonMapper).GetField("_entities", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("This LiteDB's BsonMapper has no _entities table; see ConcurrentBsonMapper.");

    private readonly BsonMapper builder = new();
    private readonly Lock building = new();

    protected override EntityMapper BuildAddEntityMapper(Type type)
    {
        lock (building)
        {
            (builder.IncludeFields, builder.IncludeNonPublic) = (IncludeFields, IncludeNonPublic);
            var whole = BuildWhole(builder, type);
            ((Dictionary<Type, EntityMapper>)Table.GetValue(this)!)[type] = whole;
            return whole;
        }
    }
}
