using System.Text.Json.Nodes;
using IncidentBot.Messaging;

namespace IncidentBot.Tests.Messaging;

public sealed class BlockLayoutTests
{
    [Fact]
    public void Template_lines_become_header_sections_divider_and_context()
    {
        var message = BlockLayout.Build("# Title here\n*bold* line\nsecond line\n\nnext paragraph\n---\n~ small print");

        var types = message.Blocks.Select(b => (string?)b!["type"]).ToList();
        Assert.Equal(["header", "section", "section", "divider", "context"], types);
        Assert.Equal("*bold* line\nsecond line", (string?)message.Blocks[1]!["text"]!["text"]);
        Assert.StartsWith("Title here\n*bold* line", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_text_and_too_many_blocks_are_cut_visibly_to_slack_limits()
    {
        var huge = string.Join("\n\n", Enumerable.Range(0, 80).Select(i => new string('x', 4000)));
        var message = BlockLayout.Build("# " + new string('h', 400) + "\n" + huge);

        Assert.Equal(50, message.Blocks.Count);
        Assert.True(((string?)message.Blocks[0]!["text"]!["text"])!.Length <= 150);
        foreach (var section in message.Blocks.Where(b => (string?)b!["type"] == "section"))
        {
            var text = (string?)section!["text"]!["text"];
            Assert.True(text!.Length <= 3000);
            Assert.EndsWith("…", text, StringComparison.Ordinal);
        }

        Assert.Contains("shortened", message.Blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(message.Text.Length <= 500);
    }

    [Fact]
    public void Every_message_has_fallback_text()
    {
        var message = BlockLayout.Build("---\n");
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        Assert.IsType<JsonArray>(message.Blocks);
    }
}
