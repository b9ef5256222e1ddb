using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Escalation;

/// <summary>
/// Turns responder targets into Slack users: a user is themself, a user group (<c>S…</c>, or a handle found with
/// usergroups.list) its members (usergroups.users.list), an on-call schedule whoever PagerDuty or Opsgenie says is on
/// call now, found in Slack by email (users.lookupByEmail). A target that fails is reported with its reason and the
/// rest are still looked up; only a transient Slack failure throws, so the outbox step is tried again.
/// </summary>
public sealed partial class ResponderLookup(ISlackApi slack, OnCallClient onCall, ILogger<ResponderLookup> logger)
{
    public async Task<ResponderReach> LookUpAsync(IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var reached = new List<ReachedTarget>();
        var unreached = new List<string>();
        var groups = targets.Any(EscalationTargets.IsUserGroup) ? await GroupsAsync(cancellationToken).ConfigureAwait(false) : [];
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            var label = Label(target, groups);
            try
            {
                if (EscalationTargets.IsSchedule(target))
                {
                    reached.Add(new(target, label, await OnCallAsync(target, label, unreached, cancellationToken).ConfigureAwait(false)));
                }
                else if (target.StartsWith('@'))
                {
                    var handle = target[1..];
                    if (groups.FirstOrDefault(g => string.Equals(g.Handle, handle, StringComparison.OrdinalIgnoreCase)) is { } group)
                    {
                        reached.Add(new(target, label, await slack.ListUserGroupMembersAsync(group.Id, cancellationToken).ConfigureAwait(false)));
                    }
                    else
                    {
                        // A handle of the shipped matrix names a group the workspace may not have yet: it is still mentioned.
                        LogUnknownHandle(target);
                    }
                }
                else if (EscalationTargets.IsUserGroup(target))
                {
                    reached.Add(new(target, label, await slack.ListUserGroupMembersAsync(target, cancellationToken).ConfigureAwait(false)));
                }
                else if (EscalationTargets.IsUser(target))
                {
                    reached.Add(new(target, label, [new SlackUserId(target)]));
                }
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                unreached.Add($"{label}: Slack said `{SlackText.Escape(ex.Error)}`");
            }
        }

        return new ResponderReach(reached, unreached);
    }

    /// <summary>The people on call in <paramref name="schedule"/>; whoever Slack does not know by email is reported.</summary>
    private async Task<IReadOnlyList<SlackUserId>> OnCallAsync(string schedule, string label, List<string> unreached, CancellationToken ct)
    {
        IReadOnlyList<string> emails;
        try
        {
            emails = await onCall.OnCallEmailsAsync(schedule, ct).ConfigureAwait(false);
        }
        catch (OutboundException ex)
        {
            LogOnCallFailed(schedule, ex.Error);
            unreached.Add($"{label}: the on-call lookup failed (`{SlackText.Escape(ex.Error)}`)");
            return [];
        }

        if (emails.Count == 0)
        {
            unreached.Add($"{label}: nobody is on call now");
        }

        var users = new List<SlackUserId>();
        foreach (var email in emails)
        {
            if (await slack.LookupUserByEmailAsync(email, ct).ConfigureAwait(false) is { } user)
            {
                users.Add(user);
            }
            else
            {
                unreached.Add($"{SlackText.Escape(email)} ({label}): no Slack user has that email");
            }
        }

        return users;
    }

    /// <summary>The workspace's user groups, to find handles and name groups; none when Slack will not say (the ids still work).</summary>
    private async Task<IReadOnlyList<SlackUserGroup>> GroupsAsync(CancellationToken ct)
    {
        try
        {
            return await slack.ListUserGroupsAsync(ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogGroupsUnlisted(ex.Error);
            return [];
        }
    }

    /// <summary>How the war room reads a target, pinging nobody: <c>@oncall</c>, <c>@ann</c>'s mention, <c>PagerDuty on-call `P1`</c>.</summary>
    private static string Label(string target, IReadOnlyList<SlackUserGroup> groups) => target switch
    {
        ['S', ..] => groups.FirstOrDefault(g => g.Id == target) is { } group ? "@" + SlackText.Escape(group.Handle) : $"user group `{target}`",
        ['@', ..] => SlackText.Escape(target),
        _ => SlackText.Mention(target),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "No user group has the handle {Handle}; it is mentioned, and nobody is invited for it")]
    private partial void LogUnknownHandle(string handle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking who is on call in {Schedule} failed: {Error}")]
    private partial void LogOnCallFailed(string schedule, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack did not list the user groups ({Error}); handles invite nobody")]
    private partial void LogGroupsUnlisted(string error);
}
