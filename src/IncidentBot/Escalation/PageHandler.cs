using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Paging;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

/// <summary><c>/incident page &lt;service&gt;</c>: triggers a configured pager service by hand; it is resolved with the incident.</summary>
public sealed class PageHandler(IncidentActions actions, EscalationNotices notices, IOptions<PagingOptions> options) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["page"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "payments");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var services = options.Value.Services;
        var name = target.Arguments.Trim();
        var service = services.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (service is null)
        {
            var known = services.Count == 0 ? "No pager services are configured (Incidents:Paging:Services)." : $"Use one of {string.Join(", ", services.Keys.Order(StringComparer.Ordinal))}.";
            var what = name.Length == 0 ? "Page which service?" : $"`{SlackText.Escape(SlackText.Truncate(name, 40))}` is not a pager service.";
            return new SlackReply($"{what} {known}");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("page for"),
            i => i.Page(service, context.User, context.Now),
            i => $"Paged {service} for {i.Id}; it is resolved there when {i.Id} is.",
            (i, decision) => notices.For(i, new EscalationCall(null, [], service, decision.Entries[0]), context.User, context.Now)).ConfigureAwait(false);
    }
}
