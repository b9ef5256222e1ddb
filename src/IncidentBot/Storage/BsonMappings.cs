using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>How NodaTime and the strong ids are stored: instants as Unix milliseconds, durations as ticks.</summary>
public static class BsonMappings
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { IncludeNonPublic = true, EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        mapper.RegisterType(
            serialize: instant => new BsonValue(instant.ToUnixTimeMilliseconds()),
            deserialize: bson => Instant.FromUnixTimeMilliseconds(bson.AsInt64));
        mapper.RegisterType(
            serialize: duration => new BsonValue(duration.BclCompatibleTicks),
            deserialize: bson => Duration.FromTicks(bson.AsInt64));
        mapper.RegisterType(
            serialize: id => new BsonValue(id.Value),
            deserialize: bson => new Slack.SlackChannelId(bson.AsString));
        mapper.RegisterType(
            serialize: id => new BsonValue(id.Value),
            deserialize: bson => new Slack.SlackUserId(bson.AsString));
        return mapper;
    }
}
