using IncidentBot.Announcements;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Metrics;
using IncidentBot.StatusPages;
using IncidentBot.Tests.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Tests.Messaging;

public sealed class TemplateTests
{
    private static readonly Instant Declared = Instant.FromUtc(2026, 11, 24, 3, 12);

    public static string TemplatesFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The renderer as the bot builds it: every folder's templates, each checked against its sample.</summary>
    internal static MessageRenderer Renderer(string folder) =>
        new(Options.Create(new MessagingOptions { TemplatesPath = folder }), [
            .. new[] { TemplateModels.Samples, MetricsTemplates.Samples, StatusPageTemplates.Samples }.SelectMany(s => s).Select(s => new TemplateSample(s.Key, s.Value)),
            .. AnnouncementTemplates.Announcements().Select(m => new TemplateSample(AnnouncementMessages.Template, () => m)),
            .. AnnouncementTemplates.Lines().Select(m => new TemplateSample(AnnouncementMessages.LineTemplate, () => m)),
        ]);

    internal static IncidentMessages Messages()
    {
        var options = Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] });
        var renderer = Renderer(TemplatesFolder);
        return new IncidentMessages(renderer, new SeverityScheme(SeverityScheme.Defaults, "SEV-3"), options);
    }

    internal static AnnouncementMessages Announcements() =>
        new(Renderer(TemplatesFolder), Messages(), new SeverityScheme(SeverityScheme.Defaults, "SEV-3"), Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }));

    [Fact]
    public void Declaration_renders_as_the_golden_file()
    {
        var incident = Incident.Declare(new IncidentId(7), "Checkout returns 500s", new SeverityScheme(SeverityScheme.Defaults, "SEV-3").Find("sev1")!, "EU customers cannot pay", false, new ResponderId("U0IC"), "C0GEN", "inc-2026-11-24-checkout-returns-500s", Declared);
        incident.AssignRole(IncidentRole.TechLead, new ResponderId("U0LEAD"), new ResponderId("U0IC"), Declared);

        var message = Messages().Declaration(incident, Declared);

        var actual = Readable(message);
        var golden = Path.Combine(AppContext.BaseDirectory, "Messaging", "Golden", "declaration.expected.txt");
        if (Environment.GetEnvironmentVariable("INCIDENTBOT_WRITE_GOLDEN") is { Length: > 0 } sourceFolder)
        {
            File.WriteAllText(Path.Combine(sourceFolder, "declaration.expected.txt"), actual + "\n");
        }

        var expected = File.ReadAllText(golden);
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), actual.TrimEnd());
    }

    [Fact]
    public void A_3000_character_title_with_channel_pings_stays_within_block_kit_limits_and_pings_nobody()
    {
        var title = string.Concat(Enumerable.Repeat("<!channel> <!here> checkout down & ", 90));
        Assert.True(title.Length >= 3000);
        var incident = Incident.Declare(new IncidentId(8), title, IncidentFactory.Sev1, title, false, new ResponderId("U0IC"), "C0GEN", "inc-x", Declared);
        var messages = Messages();

        foreach (var message in new[] { messages.Declaration(incident, Declared), Announcements().Announcement(incident, Declared), messages.Update(incident, new ResponderId("U0IC"), title, Declared) })
        {
            var json = message.Blocks.ToJsonString() + message.Text;
            Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
            Assert.InRange(message.Blocks.Count, 1, 50);
            foreach (var block in message.Blocks)
            {
                var text = (string?)block!["text"]?["text"];
                var limit = (string?)block["type"] == "header" ? 150 : 3000;
                Assert.True((text ?? "").Length <= limit, $"{block["type"]} block of {text?.Length} characters");
            }

            Assert.Contains(message.Blocks, b => ((string?)b!["text"]?["text"] ?? "").Contains('…', StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("update.sbn", "line one\n{{ incident.titel }}\n", "update.sbn line 2")]
    [InlineData("closed.sbn", "ok\nok\n{{ if }\n", "closed.sbn line 3")]
    [InlineData("help.sbn", "{{ for s in severities }}{{ s.nme }}{{ end }}", "help.sbn line 1")]

    // The built-in functions are shared by every render: a template may not change them for the next one.
    [InlineData("update.sbn", "ok\n{{ string.upcase = 1 }}\n", "update.sbn line 2")]
    public void A_broken_template_stops_the_start_naming_file_and_line(string file, string content, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-templates-").FullName;
        foreach (var template in Directory.GetFiles(TemplatesFolder))
        {
            File.Copy(template, Path.Combine(folder, Path.GetFileName(template)));
        }

        File.WriteAllText(Path.Combine(folder, file), content);

        var ex = Assert.Throws<TemplateException>(() => Renderer(folder));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The message as a person reads it: one line per block, mrkdwn left as Slack receives it.</summary>
    internal static string Readable(RenderedMessage message) => string.Join("\n", message.Blocks.Select(b => (string?)b!["type"] switch
    {
        "header" => "# " + (string?)b["text"]!["text"],
        "divider" => "---",
        "context" => "~ " + (string?)b["elements"]![0]!["text"],
        _ => (string?)b["text"]?["text"],
    }));
}
