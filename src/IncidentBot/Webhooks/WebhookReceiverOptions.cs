namespace IncidentBot.Webhooks;

/// <summary>One item of <c>Incidents:Webhooks</c>.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>Where each event is POSTed (http or https).</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret the signature is made with (at least 16 characters). Keep it out of source control.</summary>
    public string Secret { get; set; } = "";

    /// <summary>What this receiver gets of a private incident. Default <see cref="PrivateIncidents.Redacted"/>: no title, impact or text.</summary>
    public PrivateIncidents PrivateIncidents { get; set; }
}
