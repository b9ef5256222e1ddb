using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// <c>/incident postmortem</c>: drafts the post-mortem from the incident's record and shares it in the war room as a
/// Markdown file. The draft is made when the outbox sends it, so this only records the request, like any side effect.
/// </summary>
public sealed class PostmortemHandler(IncidentActions actions, IOptions<PostmortemOptions> options) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["postmortem", "post-mortem"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var served = options.Value.AccessToken.Length > 0;
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Contribute("ask for the post-mortem draft of"),
            _ => Decision.Apply(),
            i => $"Drafting the post-mortem of {i.Id}: `{PostmortemRenderer.FileName(i)}` will be shared in {Where(i)}." +
                (served ? $"\nWith the access token it can also be fetched for your wiki from `/incidents/{i.Id.Value}/postmortem.md`." : ""),
            (i, _) => [PostmortemUpload.Requested(i, context.User, context.Now)]).ConfigureAwait(false);
    }

    private static string Where(Incident incident) =>
        incident.WarRoom.ChannelId is { } channel ? SlackText.Channel(channel) : "the war room once it exists";
}
