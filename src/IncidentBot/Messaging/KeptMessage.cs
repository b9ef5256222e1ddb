namespace IncidentBot.Messaging;

/// <summary>The messages the bot posts once and then edits to follow the incident.</summary>
public enum KeptMessage
{
    /// <summary>The declaration pinned in the war room.</summary>
    Declaration,

    /// <summary>The announcement in the incidents channel.</summary>
    Announcement,
}
