using IncidentBot.Incidents;
using IncidentBot.Slack;
using LiteDB;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Storage;

/// <summary>
/// How domain types are stored, spelt out here so the domain needs no storage attributes: instants as Unix
/// milliseconds, durations as ticks, ids as their plain values, records as small documents.
/// </summary>
public static class BsonMappings
{
    public static BsonMapper Create()
    {
        var mapper = new ConcurrentBsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        mapper.RegisterType(instant => new BsonValue(instant.ToUnixTimeMilliseconds()), bson => Instant.FromUnixTimeMilliseconds(bson.AsInt64));
        mapper.RegisterType(duration => new BsonValue(duration.BclCompatibleTicks), bson => Duration.FromTicks(bson.AsInt64));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new IncidentId(bson.AsInt32));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new ResponderId(bson.AsString));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new SlackUserId(bson.AsString));
        mapper.RegisterType(id => new BsonValue(id.Value), bson => new SlackChannelId(bson.AsString));
        mapper.RegisterType<TimelineEntry>(TimelineDocument, TimelineEntryOf);
        mapper.RegisterType(
            role => new BsonDocument { ["role"] = role.Role.ToString(), ["holder"] = role.Holder.Value },
            bson => new RoleAssignment(Enum.Parse<IncidentRole>(bson["role"].AsString), new ResponderId(bson["holder"].AsString)));
        mapper.RegisterType(
            post => new BsonDocument { ["channel"] = post.Channel, ["ts"] = post.Ts },
            bson => new AnnouncementPost(bson["channel"].AsString, bson["ts"].AsString));
        mapper.RegisterType(
            date => new BsonValue(LocalDatePattern.Iso.Format(date)),
            bson => LocalDatePattern.Iso.Parse(bson.AsString).Value);
        mapper.RegisterType(
            item => new BsonDocument
            {
                ["number"] = item.Number,
                ["text"] = item.Text,
                ["owner"] = item.Owner is { } owner ? owner.Value : BsonValue.Null,
                ["due"] = item.Due is { } due ? LocalDatePattern.Iso.Format(due) : BsonValue.Null,
                ["added_by"] = item.AddedBy.Value,
                ["added_at"] = item.AddedAt.ToUnixTimeMilliseconds(),
                ["done_at"] = item.DoneAt is { } done ? done.ToUnixTimeMilliseconds() : BsonValue.Null,
            },
            bson => new ActionItem(
                bson["number"].AsInt32,
                bson["text"].AsString,
                bson["owner"].IsNull ? null : new ResponderId(bson["owner"].AsString),
                bson["due"].IsNull ? null : LocalDatePattern.Iso.Parse(bson["due"].AsString).Value,
                new ResponderId(bson["added_by"].AsString),
                Instant.FromUnixTimeMilliseconds(bson["added_at"].AsInt64),
                // Items stored before completion was tracked have no done_at: they are open.
                bson["done_at"].IsNull ? null : Instant.FromUnixTimeMilliseconds(bson["done_at"].AsInt64)));
        // The timeline is a collection of its own (LiteDbIncidentStore), so an incident's document stays small.
        mapper.Entity<Incident>().Id(i => i.Id, autoId: false).Ignore(i => i.Recorded);
        mapper.Entity<ScribeNote>().Id(n => n.Key, autoId: false);
        mapper.Entity<CachedMessage>().Id(m => m.Key, autoId: false);
        return mapper;
    }

    /// <summary>An entry as stored; its parties only when it names some, so a plain entry keeps the shape older versions wrote.</summary>
    private static BsonDocument TimelineDocument(TimelineEntry entry)
    {
        var document = new BsonDocument
        {
            ["at"] = entry.At.ToUnixTimeMilliseconds(),
            ["kind"] = entry.Kind.ToString(),
            ["actor"] = entry.Actor.Value,
            ["text"] = entry.Text,
        };
        if (entry.From.Count > 0)
        {
            document["from"] = Parties(entry.From);
        }

        if (entry.To.Count > 0)
        {
            document["to"] = Parties(entry.To);
        }

        return document;
    }

    /// <summary>Entries written before parties were kept have neither <c>from</c> nor <c>to</c>: their text says it all.</summary>
    private static TimelineEntry TimelineEntryOf(BsonValue bson) => new(
        Instant.FromUnixTimeMilliseconds(bson["at"].AsInt64),
        Enum.Parse<TimelineKind>(bson["kind"].AsString),
        new ResponderId(bson["actor"].AsString),
        bson["text"].AsString)
    {
        From = Parties(bson["from"]),
        To = Parties(bson["to"]),
    };

    private static BsonArray Parties(IEnumerable<TimelineParty> parties) =>
        new(parties.Select(p => new BsonDocument { ["kind"] = p.Kind.ToString(), ["id"] = p.Id }));

    private static List<TimelineParty> Parties(BsonValue stored) => stored.IsArray
        ? [.. stored.AsArray.Select(p => new TimelineParty(Enum.Parse<TimelinePartyKind>(p["kind"].AsString), p["id"].AsString))]
        : [];
}
