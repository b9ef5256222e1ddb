using System.Text;
using IncidentBot.Incidents;
using IncidentBot.Storage.Postgres;

namespace IncidentBot.Tests.Storage.Postgres;

public sealed class PostgresSignalMessageTests
{
    [Fact]
    public void Many_lanes_go_in_several_notifications_each_under_postgresqls_limit_and_read_back_whole()
    {
        var lanes = Enumerable.Range(1_000_000, 450).Select(i => (new IncidentId(i), i % 7)).ToList();
        var message = new PostgresSignalMessage("host-with-a-long-name/123456/0123abcd", Incidents: true, Outbox: true, lanes);

        var payloads = message.Payloads().ToList();
        var read = payloads.Select(PostgresSignalMessage.Parse).ToList();

        Assert.Equal(3, payloads.Count);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000));
        Assert.All(read, r => Assert.Equal(message.Sender, r!.Sender));
        Assert.Equal(lanes, read.SelectMany(r => r!.Lanes));
        Assert.All(read, r => Assert.True(r!.Outbox));
        Assert.Single(read, r => r!.Incidents);
    }

    [Fact]
    public void A_change_without_outbox_news_is_one_short_notification()
    {
        var payload = Assert.Single(new PostgresSignalMessage("me", Incidents: true, Outbox: false, []).Payloads());

        Assert.Equal("me i", payload);
        Assert.Equal(("me", true, false), PostgresSignalMessage.Parse(payload) is { } read ? (read.Sender, read.Incidents, read.Outbox) : default);
        Assert.Null(PostgresSignalMessage.Parse(" "));
    }
}
