namespace IncidentBot.Webhooks;

/// <summary>One item of <c>Incidents:Webhooks</c>.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>Where each event is POSTed (http or https).</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret the signature is made with (at least 16 characters). Keep it out of source control.</summary>
    public string Secret { get; set; } = "";

    /// <summary>
    /// What this receiver gets of a private incident: <c>Redacted</c> (the default: no title, impact or text), <c>Full</c>
    /// or <c>Omit</c> (see <see cref="PrivateView"/>). Text, so a typo is one line at start rather than a binding error.
    /// </summary>
    public string PrivateIncidents { get; set; } = nameof(PrivateView.Redacted);

    /// <summary><see cref="PrivateIncidents"/> read, or null when it names no <see cref="PrivateView"/>.</summary>
    public PrivateView? View =>
        !PrivateIncidents.Trim().All(char.IsAsciiDigit) && Enum.TryParse<PrivateView>(PrivateIncidents, ignoreCase: true, out var view) && Enum.IsDefined(view)
            ? view
            : null;
}
