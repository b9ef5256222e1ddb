using IncidentBot.Incidents;
using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// How domain types are stored, spelt out here so the domain needs no storage attributes: instants as Unix
/// milliseconds, durations as ticks, ids as their plain values, records as small documents.
/// </summary>
public static class BsonMappings
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        mapper.RegisterType(instant => new BsonValue(instant.ToUnixTimeMilliseconds()), bson => Instant.FromUnixTimeMilliseconds(bson.AsInt64));
        mapper.RegisterType(duration => new BsonValue(duration.BclCompatibleTicks), bson => Duration.FromTicks(bson.AsInt64));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new IncidentId(bson.AsInt32));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new ResponderId(bson.AsString));
        mapper.RegisterType(
            entry => new BsonDocument
            {
                ["at"] = entry.At.ToUnixTimeMilliseconds(),
                ["kind"] = entry.Kind.ToString(),
                ["actor"] = entry.Actor.Value,
                ["text"] = entry.Text,
            },
            bson => new TimelineEntry(
                Instant.FromUnixTimeMilliseconds(bson["at"].AsInt64),
                Enum.Parse<TimelineKind>(bson["kind"].AsString),
                new ResponderId(bson["actor"].AsString),
                bson["text"].AsString));
        mapper.RegisterType(
            role => new BsonDocument { ["role"] = role.Role.ToString(), ["holder"] = role.Holder.Value },
            bson => new RoleAssignment(Enum.Parse<IncidentRole>(bson["role"].AsString), new ResponderId(bson["holder"].AsString)));
        mapper.Entity<Incident>().Id(i => i.Id, autoId: false);
        return mapper;
    }
}
