using System.Text.Json.Nodes;
using IncidentBot.Incidents;

namespace IncidentBot.Messaging;

/// <summary>
/// Buttons a feature puts under a message the bot keeps up to date (<see cref="KeptMessage"/>), chosen from the
/// incident as it is each time the message is posted or edited, so a button that no longer applies goes away.
/// </summary>
public interface IMessageButtons
{
    /// <summary>The button elements for <paramref name="message"/> of <paramref name="incident"/>; none for no buttons.</summary>
    IEnumerable<JsonObject> ButtonsFor(KeptMessage message, Incident incident);
}
