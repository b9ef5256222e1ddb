using System.Security.Cryptography;
using System.Text;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Alerts;

/// <summary>
/// The alerts on offer for declaration (AutoDeclare off), one per alert key, in the bot's store: a repeat of an alert
/// on offer posts no second button, and the button's click finds what to fill the form with.
/// </summary>
public sealed class AlertOffers
{
    private readonly IDocuments<string, AlertOffer> offers;

    public AlertOffers(IDocumentStore documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        offers = documents.Collection<string, AlertOffer>("alert_offers");
    }

    /// <summary>The offer's id for an alert key: short enough for a button's value however long the key (an Alertmanager groupKey).</summary>
    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    public AlertOffer? Find(string id) => offers.Find(id);

    public Task SaveAsync(AlertOffer offer) => offers.UpsertAsync(offer);

    /// <summary>The alert stopped before anyone declared: a later firing is offered afresh.</summary>
    public Task WithdrawAsync(string key) => offers.DeleteAsync(IdOf(key));

    /// <summary>Records where <paramref name="offering"/> of offer <paramref name="id"/> was posted, unless it was withdrawn meanwhile.</summary>
    public async Task PostedAsync(string id, string offering, string channel, string ts)
    {
        if (Find(id) is { Ts: null } offer && offer.Offering == offering)
        {
            (offer.Channel, offer.Ts) = (channel, ts);
            await SaveAsync(offer).ConfigureAwait(false);
        }
    }

    public async Task DeclaredAsync(AlertOffer offer, IncidentId incident)
    {
        ArgumentNullException.ThrowIfNull(offer);
        offer.IncidentId = incident.Value;
        await SaveAsync(offer).ConfigureAwait(false);
    }

    public static AlertOffer For(Alert alert, Severity severity, Instant now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(severity);
        return new AlertOffer { Id = IdOf(alert.DedupKey), Key = alert.DedupKey, Reference = alert.Reference, Title = alert.Title, Severity = severity.Name, OfferedAt = now, Offering = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }
}
