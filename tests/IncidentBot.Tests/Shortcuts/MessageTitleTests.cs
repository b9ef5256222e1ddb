using IncidentBot.Messaging;
using IncidentBot.Shortcuts;

namespace IncidentBot.Tests.Shortcuts;

public sealed class MessageTitleTests
{
    [Theory]
    [InlineData("Checkout returns 500s", "Checkout returns 500s")]
    [InlineData("\n\n  *Checkout*   returns _500s_ \nlots more detail", "Checkout returns 500s")]
    [InlineData("<!here> <@U0ENGINEER> says <https://status.example.com|status> is red", "@here @U0ENGINEER says status is red")]
    [InlineData("see <https://grafana.example.com/d/1> &lt;now&gt;", "see https://grafana.example.com/d/1 <now>")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("", "")]
    public void The_title_is_the_first_line_that_says_something_as_people_read_it(string text, string title) =>
        Assert.Equal(title, MessageTitle.From(text));

    [Fact]
    public void A_long_first_line_is_cut_to_the_title_limit()
    {
        var title = MessageTitle.From(new string('x', 1000) + "\nsecond");

        Assert.Equal(TemplateModels.TitleMax, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }
}
