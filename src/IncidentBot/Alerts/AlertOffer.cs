using NodaTime;

namespace IncidentBot.Alerts;

/// <summary>
/// An alert offered for declaration with a "Declare incident" button (AutoDeclare off): what the form is filled in
/// with, and the incident declared from it once someone did. <see cref="Id"/> is the button's value.
/// </summary>
public sealed class AlertOffer
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    public string Reference { get; set; } = "";

    public string Title { get; set; } = "";

    public string Severity { get; set; } = "";

    public Instant OfferedAt { get; set; }

    /// <summary>This offering of the alert, apart from an earlier one of the same key: its post is recorded on it alone.</summary>
    public string Offering { get; set; } = "";

    public int? IncidentId { get; set; }

    /// <summary>Where the offer was posted, once it was: edited when the offer is declared or withdrawn.</summary>
    public string? Channel { get; set; }

    public string? Ts { get; set; }
}
