using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;

namespace IncidentBot.Messaging;

/// <summary>
/// Turns a rendered template into Block Kit. The template's lines say the layout:
/// <c># text</c> a header (plain text, so no user text there), <c>---</c> a divider, <c>~ text</c> a context line,
/// and any other lines a section, one per paragraph (a blank line ends it). Slack's limits are applied here,
/// visibly: long sections are cut with "…", and past 50 blocks the rest is dropped with a note.
/// </summary>
public static class BlockLayout
{
    public static RenderedMessage Build(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var blocks = new List<JsonObject>();
        var fallback = new List<string>();
        var paragraph = new StringBuilder();

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                var text = paragraph.ToString().TrimEnd('\n');
                blocks.Add(BlockKit.Section(text));
                fallback.Add(text);
                paragraph.Clear();
            }
        }

        foreach (var raw in rendered.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                EndParagraph();
                blocks.Add(BlockKit.Header(line[2..].Trim()));
                fallback.Add(line[2..].Trim());
            }
            else if (line == "---")
            {
                EndParagraph();
                blocks.Add(BlockKit.Divider());
            }
            else if (line.StartsWith("~ ", StringComparison.Ordinal))
            {
                EndParagraph();
                blocks.Add(BlockKit.Context(line[2..].Trim()));
            }
            else if (line.Length == 0)
            {
                EndParagraph();
            }
            else
            {
                paragraph.Append(line).Append('\n');
            }
        }

        EndParagraph();
        if (blocks.Count > BlockLimits.Blocks)
        {
            blocks = blocks.Take(BlockLimits.Blocks - 1).Append(BlockKit.Context("… (message shortened to fit Slack)")).ToList();
        }

        var text = SlackText.Truncate(string.Join("\n", fallback), BlockLimits.FallbackText);
        return new RenderedMessage(text.Length == 0 ? "IncidentBot" : text, new JsonArray([.. blocks]));
    }
}
