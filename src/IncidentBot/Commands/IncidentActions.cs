using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Commands;

/// <summary>
/// What the war-room commands share: finding the incident (the war room the command was typed in, or an
/// <c>INC-42</c> first word, or last word for the verbs whose arguments are a single choice), and applying the change through <see cref="IncidentChanger"/>: who may, the decision and its
/// effects in one transaction.
/// </summary>
public sealed class IncidentActions(IIncidentStore store, IncidentChanger changer, IOptions<IncidentsOptions> options)
{
    /// <summary>
    /// The incident a command is about. With <paramref name="idMayComeLast"/> (verbs whose arguments are a choice, such as
    /// <c>commander me INC-42</c> or <c>status identified INC-42</c>) a last word naming an incident names it too; verbs
    /// that take free text never look there, so an update that ends with another incident's id stays in its war room.
    /// </summary>
    public IncidentTarget Find(CommandContext context, string example, bool idMayComeLast = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (first, rest) = IncidentCommandParser.FirstWord(context.Arguments);
        var isNamed = IncidentId.TryParse(first, out var id);
        if (!isNamed && IncidentCommandParser.FirstWord(rest) is var (number, after) && IncidentId.TryParse(first + number, out id))
        {
            // "cancel inc 2": the id typed as two words still names INC-2, not the war room's incident with "inc 2" as the reason.
            (isNamed, rest) = (true, after);
        }

        if (!isNamed && idMayComeLast && LastWord(context.Arguments) is var (last, before))
        {
            if (IncidentId.TryParse(last, out id))
            {
                (isNamed, rest) = (true, before);
            }
            else if (LastWord(before) is var (inc, ahead) && IncidentId.TryParse(inc + last, out id))
            {
                (isNamed, rest) = (true, ahead);
            }
        }

        if (isNamed)
        {
            var named = store.Find(id);
            // A private incident is not shown to people outside it, not even whether it exists.
            if (named is null || (named.IsPrivate && !named.IsMember(context.User) && named.WarRoom.ChannelId != context.Channel.Value))
            {
                return new IncidentTarget(null, rest, new SlackReply($"There is no incident {id} that you can see. `/incident list` shows the open ones."));
            }

            return new IncidentTarget(named, rest, null);
        }

        var here = store.FindByWarRoom(context.Channel);
        return here is null
            ? new IncidentTarget(null, context.Arguments, new SlackReply($"This channel is not an incident's war room. Run it in the war room, or name the incident: `{context.Command.Command} {$"{context.Verb} INC-42 {example}".TrimEnd()}`."))
            : new IncidentTarget(here, context.Arguments, null);
    }

    /// <summary>The last word and what comes before it (empty for a single word); null for empty text.</summary>
    private static (string Last, string Before)? LastWord(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.LastIndexOfAny([' ', '\t', '\n']);
        return trimmed.Length == 0 ? null : space < 0 ? (trimmed, "") : (trimmed[(space + 1)..], trimmed[..space].Trim());
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to the latest copy of the incident if <paramref name="authorization"/> lets the user,
    /// both inside one write; stores the change with the effects its decision yields (and <paramref name="also"/>) and
    /// answers <paramref name="success"/>; if refused, says why (and who can). With <paramref name="postedInWarRoom"/> the
    /// change is announced by a post in the war room, so typed there it gets no answer of its own
    /// (<see cref="IncidentsOptions.EchoWarRoomChanges"/>).
    /// </summary>
    public async Task<SlackReply> ApplyAsync(
        CommandContext context,
        Incident incident,
        Authorization authorization,
        Func<Incident, Decision> decide,
        Func<Incident, string> success,
        Func<Incident, Decision, IEnumerable<OutboxMessage>>? also = null,
        bool postedInWarRoom = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(success);
        var request = new ChangeRequest(incident.Id, context.User, context.Channel, Entry(context, incident, ""), authorization, decide) { Also = also };
        var outcome = await changer.ApplyAsync(request).ConfigureAwait(false);
        return outcome switch
        {
            { Incident: null } => new SlackReply($"Incident {incident.Id} no longer exists."),
            { Done: true } when postedInWarRoom && !options.Value.EchoWarRoomChanges && outcome.Incident.WarRoom.ChannelId == context.Channel.Value => SlackReply.None,
            { Done: true } => new SlackReply(success(outcome.Incident)),
            _ => new SlackReply(outcome.RefusalText),
        };
    }

    /// <summary>
    /// For what is not a change of the incident itself (a typed note): null when the user may, else the refusal. Read from
    /// the stored incident as it is now.
    /// </summary>
    public string? Refusal(CommandContext context, Incident incident, Authorization authorization)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(authorization);
        return changer.Refusal(store.Find(incident.Id) ?? incident, context.User, context.Channel, authorization);
    }

    public Task AuditAsync(CommandContext context, Incident? incident, string outcome) => store.AuditAsync(Entry(context, incident, outcome));

    private static AuditEntry Entry(CommandContext context, Incident? incident, string outcome)
    {
        context.Audited = true;
        return AuditEntries.For(context, incident?.Id, outcome);
    }
}
