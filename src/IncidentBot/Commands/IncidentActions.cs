using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Commands;

/// <summary>
/// What the war-room commands share: finding the incident (the war room the command was typed in, or an
/// <c>INC-42</c> first word), checking who may do it, and applying the decision with its Slack side effects in
/// one transaction.
/// </summary>
public sealed class IncidentActions(IIncidentStore store, IOptions<IncidentsOptions> options)
{
    public IncidentTarget Find(CommandContext context, string example)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (first, rest) = IncidentCommandParser.FirstWord(context.Arguments);
        if (IncidentId.TryParse(first, out var id))
        {
            var named = store.Find(id);
            // A private incident is not shown to people outside it, not even whether it exists.
            if (named is null || (named.IsPrivate && !named.IsMember(context.User) && named.WarRoom.ChannelId != context.Channel))
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

    /// <summary>Null when <paramref name="context"/>'s user may <paramref name="action"/>; otherwise the refusal, saying who can.</summary>
    public async Task<SlackReply?> AuthorizeAsync(CommandContext context, Incident incident, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incident);
        if (options.Value.OpenCommands || incident.HoldsARole(context.User))
        {
            return null;
        }

        var holders = string.Join(", ", incident.Roles.Select(r => $"{RoleNames.Title(r.Role)} {SlackText.User(r.Holder.Value)}"));
        var refusal = $"Only the incident's role holders can {action} {incident.Id}: {holders}. Ask one of them, or ask the commander to give you a role.";
        await AuditAsync(context, incident, "refused: not a role holder").ConfigureAwait(false);
        return new SlackReply(refusal);
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to the latest copy of the incident; if it is applied, stores the incident with the
    /// outbox messages <paramref name="effects"/> makes and answers <paramref name="success"/>; if refused, explains why.
    /// </summary>
    public async Task<SlackReply> ApplyAsync(
        CommandContext context,
        Incident incident,
        Func<Incident, Decision> decide,
        Func<Incident, IEnumerable<OutboxMessage>> effects,
        Func<Incident, string> success)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incident);
        var entry = Entry(context, incident, "");
        var change = await store.UpdateAsync(incident.Id, entry, latest =>
        {
            var decision = decide(latest);
            if (!decision.Applied)
            {
                entry.Outcome = "refused: " + decision.Refusal;
                return IncidentChanges.Keep(new SlackReply($"Not done: {decision.Refusal}."));
            }

            var reply = new SlackReply(success(latest));
            entry.Outcome = "done";
            return IncidentChanges.Save(reply, [.. effects(latest)]);
        }).ConfigureAwait(false);
        return change?.Result ?? new SlackReply($"Incident {incident.Id} no longer exists.");
    }

    public Task AuditAsync(CommandContext context, Incident? incident, string outcome) => store.AuditAsync(Entry(context, incident, outcome));

    private static AuditEntry Entry(CommandContext context, Incident? incident, string outcome)
    {
        context.Audited = true;
        return AuditEntries.For(context, incident?.Id.Value, outcome);
    }
}
