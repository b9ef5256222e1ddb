using IncidentBot.Messaging;

namespace IncidentBot.Tests.Messaging;

/// <summary>The help text names the slash command it was asked with, and what is kept of it is bounded whatever names arrive.</summary>
public sealed class HelpTextTests
{
    [Fact]
    public void Help_is_kept_for_a_few_command_names_and_rendered_afresh_for_any_more()
    {
        var messages = TemplateTests.Messages();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Contains($"`/incident{i} create ", messages.Help($"/incident{i}"), StringComparison.Ordinal);
        }

        Assert.Equal(IncidentMessages.HelpNamesKept, messages.HelpNamesCached);
        Assert.Same(messages.Help("/incident0"), messages.Help("/incident0"));
        Assert.Equal(messages.Help("/incident999"), messages.Help("/incident999"));
    }
}
