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
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 41, IncidentId = new IncidentId(3), FileId = "F041", UploadedAt = At });
        await uploads.UpsertAsync(new PostmortemUploadRecord { Id = 9_000_000_000, IncidentId = new IncidentId(4), FileId = "F9", UploadedAt = At });

        Assert.Equal(["F041", "F9"], uploads.FindMany([9_000_000_000, 42, 41, 41]).Select(u => u.FileId).Order(StringComparer.Ordinal));
        Assert.Empty(uploads.FindMany([]));
    }

    [Fact]
    public async Task The_upload_store_on_the_documents_names_the_incidents_shared_and_bookmarked()
    {
        var store = new PostmortemUploadStore(Documents);
        await store.SaveAsync(new PostmortemUploadRecord { Id = 1, IncidentId = new IncidentId(3), FileId = "F1", UploadedAt = At, SharedAt = At });
        await store.SaveAsync(new PostmortemUploadRecord { Id = 2, IncidentId = new IncidentId(4), FileId = "F2", UploadedAt = At, BookmarkedAt = At });
        await store.SaveAsync(new PostmortemUploadRecord { Id = 3, IncidentId = new IncidentId(5), FileId = "F3", UploadedAt = At });
        await store.ForgetAsync(3);

        Assert.Equal([new IncidentId(3)], store.SharedIncidents());
        Assert.Equal([new IncidentId(4)], store.BookmarkedIncidents());
        Assert.Null(store.Find(3));
    }
}
