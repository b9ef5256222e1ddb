using IncidentBot.Alerts;
using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IDocumentStore"/> does, whichever engine keeps it, with the features' own documents.</summary>
public abstract class DocumentStoreContract
{
    protected static readonly Instant At = Instant.FromUtc(2026, 11, 24, 3, 0);

    protected abstract IDocumentStore Documents { get; }

    [Fact]
    public async Task A_document_is_found_by_its_id_replaced_when_stored_again_and_gone_once_deleted()
    {
        var offers = Documents.Collection<string, AlertOffer>("alert_offers");
        await offers.UpsertAsync(new AlertOffer { Id = "a1", Key = "db-down", Title = "Database down", Severity = "SEV2", OfferedAt = At, Offering = "o1" });
        await offers.UpsertAsync(new AlertOffer { Id = "a1", Key = "db-down", Title = "Database down", Severity = "SEV2", OfferedAt = At, Offering = "o1", IncidentId = 7, Channel = "C0ALERTS", Ts = "1795489300.000300" });

        var found = offers.Find("a1");
        await offers.DeleteAsync("a1");

        Assert.Equal((7, "C0ALERTS", "1795489300.000300", At), (found!.IncidentId, found.Channel, found.Ts, found.OfferedAt));
        Assert.Null(offers.Find("a1"));
        Assert.Null(offers.Find("never"));
        await offers.DeleteAsync("never");
    }

    [Fact]
    public async Task Documents_keyed_by_a_number_are_found_by_it_and_listed_by_their_collection_alone()
    {
        var uploads = Documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads");
        var others = Documents.Collection<long, PostmortemUploadRecord>("other_uploads");
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 41, IncidentId = new IncidentId(3), FileId = "F041", UploadedAt = At });
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 9_000_000_000, IncidentId = new IncidentId(4), FileId = "F9", UploadedAt = At, SharedAt = At + Duration.FromSeconds(2) });
        await others.UpsertAsync(new PostmortemUploadRecord { Id = 41, IncidentId = new IncidentId(5), FileId = "F-other", UploadedAt = At });

        Assert.Equal("F041", uploads.Find(41)!.FileId);
        Assert.Equal((new IncidentId(4), (Instant?)(At + Duration.FromSeconds(2))), (uploads.Find(9_000_000_000)!.IncidentId, uploads.Find(9_000_000_000)!.SharedAt));
        Assert.Equal(["F041", "F9"], uploads.All().Select(u => u.FileId).Order(StringComparer.Ordinal));
        Assert.Equal("F-other", Assert.Single(others.All()).FileId);
        Assert.Null(uploads.Find(42));
    }

    [Fact]
    public async Task Documents_are_found_by_many_ids_at_once_those_missing_left_out()
    {
        var uploads = Documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads");
        var incidents = Documents.Collection<IncidentId, PostmortemIncidentRecord>("postmortem_incidents");
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 41, IncidentId = new IncidentId(3), FileId = "F041", UploadedAt = At });
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 9_000_000_000, IncidentId = new IncidentId(4), FileId = "F9", UploadedAt = At });
        await incidents.UpsertAsync(new PostmortemIncidentRecord { Id = new IncidentId(3), SharedAt = At });

        Assert.Equal(["F041", "F9"], uploads.FindMany([9_000_000_000, 42, 41, 41]).Select(u => u.FileId).Order(StringComparer.Ordinal));
        Assert.Empty(uploads.FindMany([]));
        Assert.Equal((new IncidentId(3), (Instant?)At), (incidents.Find(new IncidentId(3))!.Id, incidents.Find(new IncidentId(3))!.SharedAt));
        Assert.Equal([new IncidentId(3)], incidents.FindMany([new IncidentId(3), new IncidentId(4)]).Select(i => i.Id));
    }

    [Fact]
    public async Task The_upload_store_on_the_documents_names_the_incidents_shared_and_bookmarked()
    {
        var store = new PostmortemUploadStore(Documents);
        await store.SaveAsync(new PostmortemUploadRecord { Id = 1, IncidentId = new IncidentId(3), FileId = "F1", UploadedAt = At, SharedAt = At });
        await store.SaveAsync(new PostmortemUploadRecord { Id = 2, IncidentId = new IncidentId(4), FileId = "F2", UploadedAt = At, BookmarkedAt = At });
        await store.SaveAsync(new PostmortemUploadRecord { Id = 3, IncidentId = new IncidentId(5), FileId = "F3", UploadedAt = At });
        await store.ForgetAsync(3);

        Assert.Equal([new IncidentId(3)], store.SharedAmong([new IncidentId(3), new IncidentId(4), new IncidentId(5), new IncidentId(6)]));
        Assert.Empty(store.SharedAmong([new IncidentId(4)]));
        Assert.Equal((false, true, false), (store.IsBookmarked(new IncidentId(3)), store.IsBookmarked(new IncidentId(4)), store.IsBookmarked(new IncidentId(5))));
        Assert.Null(store.Find(3));
    }

    [Fact]
    public async Task A_draft_shared_again_keeps_its_incident_s_first_share_and_a_bookmark_is_added_to_it()
    {
        var store = new PostmortemUploadStore(Documents);
        var incidents = Documents.Collection<IncidentId, PostmortemIncidentRecord>("postmortem_incidents");
        var first = new PostmortemUploadRecord { Id = 1, IncidentId = new IncidentId(3), FileId = "F1", UploadedAt = At };
        await store.SaveAsync(first);
        Assert.Null(incidents.Find(new IncidentId(3)));

        first.SharedAt = At;
        await store.SaveAsync(first);
        first.BookmarkedAt = At + Duration.FromSeconds(1);
        await store.SaveAsync(first);
        await store.SaveAsync(new PostmortemUploadRecord { Id = 2, IncidentId = new IncidentId(3), FileId = "F2", UploadedAt = At, SharedAt = At + Duration.FromHours(1) });

        var incident = incidents.Find(new IncidentId(3))!;
        Assert.Equal(((Instant?)At, (Instant?)(At + Duration.FromSeconds(1))), (incident.SharedAt, incident.BookmarkedAt));
    }

    [Fact]
    public async Task Upload_records_stored_by_an_earlier_version_are_carried_over_to_their_incidents_once()
    {
        // As an earlier version stored them: the upload records alone, one per outbox message.
        var older = Documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads");
        await older.UpsertAsync(new PostmortemUploadRecord { Id = 1, IncidentId = new IncidentId(3), FileId = "F1", UploadedAt = At, SharedAt = At + Duration.FromHours(2) });
        await older.UpsertAsync(new PostmortemUploadRecord { Id = 2, IncidentId = new IncidentId(3), FileId = "F2", UploadedAt = At, SharedAt = At, BookmarkedAt = At });
        await older.UpsertAsync(new PostmortemUploadRecord { Id = 3, IncidentId = new IncidentId(4), FileId = "F3", UploadedAt = At, SharedAt = At });
        await older.UpsertAsync(new PostmortemUploadRecord { Id = 4, IncidentId = new IncidentId(5), FileId = "F4", UploadedAt = At });
        await older.UpsertAsync(new PostmortemUploadRecord { Id = 5, IncidentId = OutboxMessage.NoIncident, FileId = "F5", UploadedAt = At, SharedAt = At });
        var store = new PostmortemUploadStore(Documents);
        Assert.Empty(store.SharedAmong([new IncidentId(3), new IncidentId(4)]));

        var written = await store.CarryOverAsync();

        Assert.Equal(2, written);
        Assert.Equal(0, await store.CarryOverAsync());
        Assert.Equal([new IncidentId(3), new IncidentId(4)], store.SharedAmong([new IncidentId(3), new IncidentId(4), new IncidentId(5), OutboxMessage.NoIncident]).OrderBy(i => i.Value));
        Assert.Equal((true, false), (store.IsBookmarked(new IncidentId(3)), store.IsBookmarked(new IncidentId(4))));
        Assert.Equal((Instant?)At, Documents.Collection<IncidentId, PostmortemIncidentRecord>("postmortem_incidents").Find(new IncidentId(3))!.SharedAt);
    }
}
