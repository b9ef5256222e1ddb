using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary><c>/incident commander|lead|comms|scribe @person</c>: assigns the role, invites the person, posts it and updates the declaration.</summary>
public sealed class RoleHandler(IncidentActions actions, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["commander", "ic", "lead", "techlead", "comms", "commslead", "scribe"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!RoleNames.TryParse(context.Verb, out var role))
        {
            return new SlackReply($"`{context.Verb}` is not a role. Roles: commander, lead, comms, scribe.");
        }

        var target = actions.Find(context, "@person");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var (who, _) = IncidentCommandParser.FirstWord(target.Arguments);
        var holderId = who.Equals("me", StringComparison.OrdinalIgnoreCase) ? context.User.Value : IncidentCommandParser.MentionedUser(who);
        if (holderId is null)
        {
            return new SlackReply($"Who should be {RoleNames.Title(role)}? Mention them: `{context.Command.Command} {context.Verb} @person` (or `me`).");
        }

        var holder = new ResponderId(holderId);
        return await actions.ApplyAsync(
            context,
            incident,
            i => i.AssignRole(role, holder, context.User, context.Now),
            i =>
            [
                OutboxMessage.Invite(i.Id.Value, [holder.Value], context.Now),
                OutboxMessage.Post(i.Id.Value, messages.RoleAssigned(i, context.User, role, holder, context.Now), context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.RefreshDeclaration, context.Now),
            ],
            i => $"{SlackText.User(holder.Value)} is now {RoleNames.Title(role)} of {i.Id}.").ConfigureAwait(false);
    }
}
