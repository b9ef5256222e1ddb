using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident commander|lead|comms|scribe @person|me|none</c>: hands a role over (inviting the person, posting it in the
/// war room and updating the declaration) or clears it. Who may is <see cref="IncidentAuthority.RoleRefusal"/>.
/// </summary>
public sealed class RoleHandler(IncidentActions actions) : IIncidentCommandHandler
{
    private static readonly string[] Nobody = ["none", "nobody", "clear"];

    public IReadOnlyCollection<string> Verbs { get; } = RoleNames.Spellings;

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!RoleNames.TryParse(context.Verb, out var role))
        {
            return new SlackReply($"`{context.Verb}` is not a role. Roles: commander, lead, comms, scribe.");
        }

        var target = actions.Find(context, "@person", idMayComeLast: true);
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var (who, _) = IncidentCommandParser.FirstWord(target.Arguments);
        if (Nobody.Contains(who, StringComparer.OrdinalIgnoreCase))
        {
            return await actions.ApplyAsync(
                context,
                incident,
                Authorize.Role(role, null),
                i => i.ClearRole(role, context.User, context.Now),
                i => $"Nobody is {RoleNames.Title(role)} of {i.Id} now.", postedInWarRoom: true).ConfigureAwait(false);
        }

        if ((who.Equals("me", StringComparison.OrdinalIgnoreCase) ? context.User : IncidentCommandParser.MentionedUser(who)) is not { } holder)
        {
            var word = RoleNames.Word(role);
            return new SlackReply($"Who should be {RoleNames.Title(role)}? Mention them: `{context.Command.Command} {word} @person` (or `me`; `none` clears it).");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Role(role, holder),
            i => i.AssignRole(role, holder, context.User, context.Now),
            i => $"{SlackText.User(holder.Value)} is now {RoleNames.Title(role)} of {i.Id}.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
