using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.AppHome;

/// <summary>
/// One person's App Home tab: the incidents going on, as <c>/incident list</c> shows them (severity, status, age,
/// commander, war room), a private incident only to its members.
/// </summary>
public sealed class HomeView(IIncidentStore store, IncidentMessages messages, IClock clock)
{
    /// <summary>Slack's limit on a home view's blocks, less the header and the footer.</summary>
    private const int MaxSections = 98;

    public JsonObject For(SlackUserId user)
    {
        var who = new ResponderId(user.Value);
        var now = clock.GetCurrentInstant();
        var visible = store.ListOpen().Where(i => !i.IsPrivate || i.IsMember(who)).ToList();
        var blocks = new JsonArray(BlockKit.Header("Incidents"));
        foreach (var section in Sections(messages.List(visible, now)).Take(MaxSections))
        {
            blocks.Add(BlockKit.Section(section));
        }

        blocks.Add(BlockKit.Context($"As of {SlackText.Date(now)} · `/incident list` shows the same · `/incident help` for every command"));
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    /// <summary>The list's lines, as few sections as Slack's 3,000 characters each allow, never splitting a line.</summary>
    private static IEnumerable<string> Sections(string list)
    {
        var section = new StringBuilder();
        foreach (var line in list.Split('\n'))
        {
            if (section.Length > 0 && section.Length + line.Length + 1 > BlockLimits.SectionText)
            {
                yield return section.ToString().TrimEnd();
                section.Clear();
            }

            section.Append(line).Append('\n');
        }

        if (section.ToString().Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }
}
