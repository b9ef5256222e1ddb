using System.Runtime.CompilerServices;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.People;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using IncidentBot.Tests.Messaging;
using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Postmortems;

public sealed class PostmortemRendererTests : IAsyncLifetime
{
    private static readonly ResponderId Ic = new("U0IC");
    private static readonly ResponderId Lead = new("U0LEAD");
    private static readonly ResponderId Scribe = new("U0SCRIBE");
    private static readonly SeverityScheme Scheme = new(SeverityScheme.Defaults, "SEV-3");

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 8));
    private readonly LiteDatabase database = new(new MemoryStream(), BsonMappings.Create());
    private readonly LiteDbNoteStore notes;

    private readonly GroupCommitter writer;

    public PostmortemRendererTests()
    {
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        notes = new LiteDbNoteStore(database, writer, new StoreSignals());
    }

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    internal static PostmortemRenderer Renderer(string? templatesPath = null) => new(
        new MessageRenderer(
            Options.Create(new MessagingOptions { TemplatesPath = templatesPath ?? TemplateTests.TemplatesFolder }),
            PostmortemModel.Samples().Select(s => new TemplateSample(PostmortemRenderer.TemplateName, () => s))),
        Scheme,
        Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }));

    [Fact]
    public async Task A_scripted_incident_renders_as_the_golden_file()
    {
        var incident = await ScriptedIncidentAsync();
        clock.AdvanceMinutes(30);

        var draft = Renderer().Render(incident, incident.Recorded, notes.ForIncident(incident.Id), clock.GetCurrentInstant(), PersonNames.None);

        var golden = Path.Combine(AppContext.BaseDirectory, "Postmortems", "postmortem.expected.md");
        if (Environment.GetEnvironmentVariable("INCIDENTBOT_WRITE_GOLDEN") is { Length: > 0 })
        {
            File.WriteAllText(Path.Combine(SourceFolder(), "postmortem.expected.md"), draft);
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), draft);
    }

    [Fact]
    public void An_incident_just_declared_says_what_is_not_known_yet()
    {
        var incident = Incident.Declare(new IncidentId(8), "Login slow", Scheme.Find("sev3")!, "", false, Ic, "C0GEN", "inc-2026-11-24-login-slow", clock.GetCurrentInstant());

        var draft = Renderer().Render(incident, incident.Recorded, [], clock.GetCurrentInstant() + Duration.FromMinutes(5), PersonNames.None);

        Assert.Contains("| Resolved | not yet |", draft, StringComparison.Ordinal);
        Assert.Contains("| Duration | 5m so far |", draft, StringComparison.Ordinal);
        Assert.Contains("| Post-mortem | optional for SEV-3 |", draft, StringComparison.Ordinal);
        Assert.Contains("| Time to resolve | not resolved yet |", draft, StringComparison.Ordinal);
        Assert.Contains("_To fill in: who was affected", draft, StringComparison.Ordinal);
        Assert.Contains("_None recorded yet.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Private incident", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_incident_is_marked_as_such()
    {
        var incident = Incident.Declare(new IncidentId(9), "Card data exposure", Scheme.Find("sev1")!, "", true, Ic, "C0GEN", "inc-x", clock.GetCurrentInstant());

        var draft = Renderer().Render(incident, incident.Recorded, [], clock.GetCurrentInstant(), PersonNames.None);

        Assert.Contains("> 🔒 Private incident", draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\n{{ incident.titel }}\n", "postmortem.md.sbn line 2")]
    [InlineData("ok\n{{ for line in timeline }}{{ line.whn }}{{ end }}\n", "postmortem.md.sbn line 2")]
    [InlineData("ok\nok\n{{ if }\n", "postmortem.md.sbn line 3")]
    public void A_broken_template_stops_the_start_naming_file_and_line(string content, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-postmortem-").FullName;
        File.WriteAllText(Path.Combine(folder, PostmortemRenderer.TemplateFile), content);

        var ex = Assert.Throws<TemplateException>(() => Renderer(folder));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Declared at SEV-2 four minutes after the alert, raised to SEV-1 and lowered back, three notes, resolved.</summary>
    private async Task<Incident> ScriptedIncidentAsync()
    {
        var id = new IncidentId(42);
        await NoteAsync(id, null, "🔥 checkout 5xx rate above 5% for 3 minutes", NoteSource.Pin, null);
        clock.AdvanceMinutes(4);
        var incident = Incident.Declare(id, "Checkout returns 500s", Scheme.Find("sev2")!, "EU customers cannot pay; about 30% of orders fail", false, Ic, "C0GEN", "inc-2026-11-24-checkout-returns-500s", Now());
        incident.UseWarRoom(new WarRoom { PlannedName = "inc-2026-11-24-checkout-returns-500s", Name = "inc-2026-11-24-checkout-returns-500s", ChannelId = "C0WAR" });
        clock.AdvanceMinutes(3);
        incident.AssignRole(IncidentRole.TechLead, Lead, Ic, Now());
        clock.AdvanceMinutes(5);
        incident.ChangeSeverity(Scheme.Find("sev1")!, Ic, Now());
        clock.AdvanceMinutes(5);
        await NoteAsync(id, Lead.Value, "Deploy 4711 went out at 03:05.\nRolling it back, <@U0IC|ic> FYI", NoteSource.Reaction, "https://acme.slack.com/archives/C0WAR/p1795583100000100");
        clock.AdvanceMinutes(12);
        incident.ChangeStatus(IncidentStatus.Identified, Lead, Now());
        clock.AdvanceMinutes(3);
        await NoteAsync(id, Scribe.Value, "Error rate | p99 both falling", NoteSource.Typed, null);
        clock.AdvanceMinutes(5);
        incident.PostUpdate("Rolled back; error rate falling", Scheme.Named(incident.Severity), Ic, Now());
        clock.AdvanceMinutes(15);
        incident.ChangeSeverity(Scheme.Find("sev2")!, Ic, Now());
        clock.AdvanceMinutes(10);
        incident.AddActionItem("Alert on the 5xx rate per region", Lead, new LocalDate(2026, 12, 1), Ic, Now());
        clock.AdvanceMinutes(2);
        incident.AddActionItem("Canary deploys for checkout", null, null, Scribe, Now());
        clock.AdvanceMinutes(18);
        incident.Resolve("Rolled back deploy 4711 (<https://deploys.example.com/4711|deploy log>)", Ic, Now());
        return incident;
    }

    private async Task NoteAsync(IncidentId incident, string? author, string text, NoteSource source, string? permalink)
    {
        var ts = ScribeNote.InstantToTs(Now());
        await notes.TryAddAsync(
            new ScribeNote
            {
                Key = ScribeNote.KeyOf(incident, ts),
                IncidentId = incident,
                MessageTs = ts,
                Author = author is null ? null : new ResponderId(author),
                Text = text,
                WrittenAt = Now(),
                AddedBy = Scribe,
                AddedAt = Now(),
                Source = source,
                Permalink = permalink,
            },
            []);
    }

    private Instant Now() => clock.GetCurrentInstant();

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
