using IncidentBot.Incidents;
using IncidentBot.Metrics;
using IncidentBot.Postmortems;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// Payloads name people and channels by typed ids, stored as the plain strings they were before: a message stored by
/// an older version is read into the typed ids, and one stored now reads the same to an older version.
/// </summary>
public sealed class OutboxPayloadShapeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 3, 0);

    public static TheoryData<string, string> StoredPayloads => new()
    {
        { Ephemeral.Kind, """{"user":"U0REPORTER","text":"Only you can see this"}""" },
        { Invite.Kind, """{"users":["U0ONCALL","U0SECOND"]}""" },
        { UploadReview.Kind, """{"month":"2026-11","channel":"C0GENERAL","requestedBy":"U0REPORTER"}""" },
        { UploadPostmortem.Kind, """{"requestedBy":null}""" },
        { FetchNoteText.Kind, """{"noteKey":"2:1795489300.000300","ts":"1795489300.000300","addedBy":"U0SCRIBE"}""" },
    };

    [Theory]
    [MemberData(nameof(StoredPayloads))]
    public void A_payload_stored_with_plain_ids_reads_into_typed_ids_and_is_written_back_the_same(string kind, string stored)
    {
        var message = new OutboxMessage { Id = 7, IncidentId = new IncidentId(2), Kind = kind, Payload = stored };

        var written = kind switch
        {
            _ when kind == Ephemeral.Kind => OutboxMessage.Serialize(message.PayloadAs<Ephemeral>()),
            _ when kind == Invite.Kind => OutboxMessage.Serialize(message.PayloadAs<Invite>()),
            _ when kind == UploadReview.Kind => OutboxMessage.Serialize(message.PayloadAs<UploadReview>()),
            _ when kind == UploadPostmortem.Kind => OutboxMessage.Serialize(message.PayloadAs<UploadPostmortem>()),
            _ => OutboxMessage.Serialize(message.PayloadAs<FetchNoteText>()),
        };

        Assert.Equal(stored, written);
    }

    [Fact]
    public void The_typed_ids_come_out_of_the_stored_strings()
    {
        var invite = OutboxMessage.For(new IncidentId(2), Invite.Of([new SlackUserId("U0ONCALL"), new SlackUserId("U0ONCALL"), new SlackUserId("U0SECOND")]), Now);
        var review = new OutboxMessage { Kind = UploadReview.Kind, Payload = """{"month":"2026-11","channel":"C0GENERAL","requestedBy":"U0REPORTER"}""" };

        Assert.Equal("""{"users":["U0ONCALL","U0SECOND"]}""", invite.Payload);
        Assert.Equal(new UploadReview("2026-11", new SlackChannelId("C0GENERAL"), new SlackUserId("U0REPORTER")), review.PayloadAs<UploadReview>());
    }
}
