namespace IncidentBot.Slack.Outbound;

/// <summary>Who is who: the bot itself (auth.test), a user (users.info, users.lookupByEmail), the user groups and a group's members.</summary>
public sealed partial class SlackApiClient
{
    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        var answer = await FormAsync("auth.test", new NoArguments(), Wire.NoArguments, Wire.AuthTestResponse, cancellationToken).ConfigureAwait(false);
        return new SlackIdentity(new SlackUserId(Required(answer.UserId, "user_id")), Required(answer.TeamId, "team_id"), answer.BotId);
    }

    public async Task<SlackUser> GetUserInfoAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        var answer = await FormAsync("users.info", new UserRequest(user.Value), Wire.UserRequest, Wire.UserInfoResponse, cancellationToken).ConfigureAwait(false);
        var u = Required(answer.User, "user");
        return new SlackUser(Required(u.Id, "id"), Required(u.Name, "name"), u.RealName, u.Tz, u.IsBot);
    }

    public async Task<IReadOnlyList<SlackUserId>> ListUserGroupMembersAsync(string userGroup, CancellationToken cancellationToken)
    {
        var answer = await FormAsync("usergroups.users.list", new UserGroupRequest(userGroup), Wire.UserGroupRequest, Wire.UserGroupMembersResponse, cancellationToken).ConfigureAwait(false);
        return [.. Required(answer.Users, "users").Select(u => new SlackUserId(u))];
    }

    public async Task<IReadOnlyList<SlackUserGroup>> ListUserGroupsAsync(CancellationToken cancellationToken)
    {
        var answer = await FormAsync("usergroups.list", new NoArguments(), Wire.NoArguments, Wire.UserGroupsResponse, cancellationToken).ConfigureAwait(false);
        return [.. Required(answer.Usergroups, "usergroups").Where(g => g.Id is not null && g.Handle is not null).Select(g => new SlackUserGroup(g.Id!, g.Handle!))];
    }

    public async Task<SlackUserId?> LookupUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await FormAsync("users.lookupByEmail", new EmailRequest(email), Wire.EmailRequest, Wire.UserInfoResponse, cancellationToken).ConfigureAwait(false);
            return new SlackUserId(Required(Required(answer.User, "user").Id, "id"));
        }
        catch (SlackApiException ex) when (ex.Error == "users_not_found")
        {
            return null;
        }
    }
}
