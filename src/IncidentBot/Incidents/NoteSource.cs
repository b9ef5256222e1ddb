namespace IncidentBot.Incidents;

/// <summary>How a note reached the timeline.</summary>
public enum NoteSource
{
    /// <summary>The scribe reaction on a war-room message.</summary>
    Reaction,

    /// <summary>A message pinned in the war room.</summary>
    Pin,

    /// <summary>Typed with <c>/incident note</c>.</summary>
    Typed,

    /// <summary>The "Add to incident timeline" message shortcut, on a message in the war room or any other channel.</summary>
    Shortcut,
}
