using IncidentBot.Slack.Outbound;

namespace IncidentBot.Changes;

/// <summary>
/// Reads the members of the admin user groups from Slack at start and every <see cref="Refresh"/>, so that asking who is
/// an admin never waits for Slack. A failed read keeps what was known and is tried again a minute later.
/// </summary>
public sealed partial class AdminGroupsService(IncidentAdmins admins, ISlackApi slack, TimeProvider time, ILogger<AdminGroupsService> logger) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var groups = admins.Groups;
        if (groups.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Refresh;
            try
            {
                var members = new List<string>();
                foreach (var group in groups)
                {
                    members.AddRange((await slack.ListUserGroupMembersAsync(group, stoppingToken).ConfigureAwait(false)).Select(u => u.Value));
                }

                admins.UseGroupMembers(members);
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TimeoutException)
            {
                LogReadFailed(ex);
                wait = RetryAfterFailure;
            }

            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the members of the incident-admin user groups; keeping what was known")]
    private partial void LogReadFailed(Exception ex);
}
