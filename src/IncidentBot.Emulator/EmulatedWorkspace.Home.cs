using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>The App Home tab: one view of type <c>home</c> per person, replaced by each views.publish.</summary>
public sealed partial class EmulatedWorkspace
{
    /// <summary>The App Home tab last published for <paramref name="user"/>; null when the bot has published none.</summary>
    public EmulatedView? HomeViewFor(string user)
    {
        lock (gate)
        {
            return views.FindOne(v => v.User == user && v.IsHome);
        }
    }

    /// <summary>views.publish: needs no trigger; only a <c>home</c> view, for a person of the workspace.</summary>
    private JsonObject PublishView(JsonObject args)
    {
        var user = SlackArgs.Text(args, "user_id");
        if (!IsUserId(user))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var view = View(args);
        if (SlackArgs.Text(view, "type") != "home")
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var stored = views.FindOne(v => v.User == user && v.IsHome) ?? new EmulatedView { Id = NewId('V'), User = user!, IsHome = true };
        stored.View = view.ToJsonString();
        views.Upsert(stored);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(stored.Id, view) };
    }
}
