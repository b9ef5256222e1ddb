using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.People;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using NodaTime;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident create &lt;title&gt; [severity] [--private]</c> declares at once (<see cref="DeclarationText"/> reads the
/// text: only trailing tokens are severity and flag); with no title it opens the declaration form
/// (views.open must happen inside Slack's 3 s, so it is the one Slack call made on the request path).
/// The declaration is stored with its whole Slack plan: create the war room, invite, post, pin, set the topic, announce.
/// <c>/incident drill &lt;title&gt; [severity]</c> declares a drill: the same plan in a <c>drill-</c> war room, announced
/// to nobody, every message marked DRILL, and left out of the metrics.
/// </summary>
public sealed class CreateHandler(
    IncidentDeclarer declarer,
    SeverityScheme scheme,
    ISlackApi slack,
    IPeopleDirectory people,
    IClock clock) : IIncidentCommandHandler, IViewSubmissionHandler
{
    public const string ModalCallbackId = "incident_create";

    /// <summary>The most a Slack text input takes.</summary>
    private const int SlackInputMax = 3000;
    public const string TitleBlock = "title";
    public const string SeverityBlock = "severity";
    public const string ImpactBlock = "impact";
    public const string PrivateBlock = "private";
    public const string StartedBlock = "started";

    public IReadOnlyCollection<string> Verbs { get; } = ["create", "declare", "new", "drill"];

    public string CallbackId => ModalCallbackId;

    /// <summary>A form that fails as a whole says so above its first field.</summary>
    public string? FailureBlockId => TitleBlock;

    /// <summary>The second most severe configured level, for examples (<c>SEV-2</c>, or <c>P1</c> under P0..P3).</summary>
    private string ExampleSeverity => scheme.Levels[Math.Min(1, scheme.Levels.Count - 1)].Name;

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var drill = context.Verb == "drill";
        if (context.Arguments.Length == 0 && !drill)
        {
            return await OpenFormAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var parsed = DeclarationText.Parse(context.Arguments, scheme);
        if (parsed.Problem is { } problem)
        {
            return new SlackReply($"{SlackText.Escape(problem)} `{context.Command.Command} {context.Verb} Checkout returns 500s {ExampleSeverity}`");
        }

        if (parsed.Title.Length == 0)
        {
            return new SlackReply($"An incident needs a title: `{context.Command.Command} {context.Verb} Checkout returns 500s {ExampleSeverity}`.");
        }

        var severity = parsed.Severity ?? scheme.Default;
        var declaration = new NewIncident(parsed.Title, severity, "", parsed.IsPrivate, drill, null);
        if (declarer.Refusal(declaration) is { } tooLong)
        {
            return new SlackReply($"Not declared: {SlackText.Escape(tooLong)}.");
        }

        var incident = await declarer.DeclareAsync(declaration, context.User, context.Channel, context.Now, $"{context.Command.Command} {SlackText.Truncate(context.Command.Text, 400)}").ConfigureAwait(false);
        context.Audited = true;
        var understood = Understood(incident, parsed.Severity is not null, context.Command.Command);
        if (drill)
        {
            return new SlackReply(
                $"🧪 Declaring DRILL *{incident.Id}* ({incident.Severity}): {SlackText.Escape(SlackText.Truncate(incident.Title, TemplateModels.TitleMax))}\n" +
                $"The war room `#{incident.WarRoom.PlannedName}` is being created; you are the incident commander. Nobody outside it is told, and metrics leave it out.\n" + understood);
        }

        var room = incident.IsPrivate
            ? $"The private war room `#{incident.WarRoom.PlannedName}` is being created; you are the incident commander. Nobody outside it is told."
            : $"The war room `#{incident.WarRoom.PlannedName}` is being created; you are the incident commander.";
        return new SlackReply(
            $"Declaring *{incident.Id}* ({incident.Severity}): {SlackText.Escape(SlackText.Truncate(incident.Title, TemplateModels.TitleMax))}\n" + room + "\n" + understood);
    }

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (await SubmitAsync(payload, payload.PrivateMetadata, cancellationToken).ConfigureAwait(false)).Errors;
    }

    /// <summary>The declaration form's submission, asked from <paramref name="origin"/>: the incident declared, or the fields' errors.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Errors, Incident? Incident)> SubmitAsync(ViewSubmissionPayload payload, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = payload.Values.GetValueOrDefault(TitleBlock, "").Trim();
        var severity = scheme.Find(payload.Values.GetValueOrDefault(SeverityBlock, "")) ?? scheme.Default;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (title.Length == 0)
        {
            errors[TitleBlock] = "Give the incident a title, e.g. \"Checkout returns 500s\".";
            return (errors, null);
        }

        var now = clock.GetCurrentInstant();
        var startedText = payload.Values.GetValueOrDefault(StartedBlock, "").Trim();
        Instant? started = null;
        if (startedText.Length > 0)
        {
            // A time without an offset is in the typist's zone, as they read their own clock.
            var zone = (await people.FindAsync(payload.UserId, cancellationToken).ConfigureAwait(false))?.TimeZone;
            started = ImpactStartText.Parse(startedText, now, zone ?? DateTimeZone.Utc);
            if (started is null || started > now)
            {
                var where = zone is null ? "UTC, as Slack did not tell me your time zone," : $"your time zone, {zone.Id},";
                errors[StartedBlock] = started is null
                    ? $"Give a time like 14:05, 2026-11-24 14:05, 14:05 +01:00 or 30m ago (in {where} unless an offset is given)."
                    : $"{ImpactStartText.Echo(started.Value, now, zone ?? DateTimeZone.Utc)} is still to come; give when impact started.";
                return (errors, null);
            }
        }

        var isPrivate = payload.Values.GetValueOrDefault(PrivateBlock, "").Contains(PrivateBlock, StringComparison.Ordinal);
        var declaration = new NewIncident(title, severity, payload.Values.GetValueOrDefault(ImpactBlock, ""), isPrivate, false, started);
        if (declarer.Refusal(declaration) is { } tooLong)
        {
            errors[declarer.Refusal(declaration with { Impact = "" }) is null ? ImpactBlock : TitleBlock] = Capitalized(tooLong) + ".";
            return (errors, null);
        }

        return (errors, await declarer.DeclareAsync(declaration, new ResponderId(payload.UserId.Value), new SlackChannelId(origin), now, "declaration form").ConfigureAwait(false));
    }

    /// <summary>The declaration form; <paramref name="title"/> prefills its title, <paramref name="metadata"/> comes back with the submission.</summary>
    public JsonObject Form(string callbackId, string metadata, string? title = null)
    {
        var titleInput = BlockKit.TextInput(TitleBlock, "Title", "title_input", multiline: false, optional: false, Math.Min(declarer.TitleLength, SlackInputMax), "Checkout returns 500s");
        if (!string.IsNullOrWhiteSpace(title))
        {
            titleInput["element"]!["initial_value"] = SlackText.Truncate(title, Math.Min(declarer.TitleLength, SlackInputMax));
        }

        var blocks = new JsonArray(
            titleInput,
            BlockKit.StaticSelect(SeverityBlock, "Severity", "severity_select", scheme.Levels.Select(l => (SlackText.Truncate($"{l.Name} · {l.Description}", 75), l.Name)), scheme.Default.Name),
            BlockKit.TextInput(ImpactBlock, "Impact", "impact_input", multiline: true, optional: true, TemplateModels.ImpactMax, "Who is affected, and how?"),
            BlockKit.TextInput(StartedBlock, "Impact started (your Slack time zone unless an offset is given)", "started_input", multiline: false, optional: true, 40, "30m ago, 14:05 or 2026-11-24 14:05 +01:00; empty: now"),
            BlockKit.Checkbox(PrivateBlock, "Visibility", "private_check", "Private incident (private war room, not announced)", PrivateBlock));
        return BlockKit.Modal(callbackId, "Declare an incident", "Declare", blocks, metadata);
    }

    private async Task<SlackReply> OpenFormAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var view = Form(ModalCallbackId, context.Channel.Value);
        try
        {
            await slack.OpenViewAsync(context.Command.TriggerId, view, cancellationToken).ConfigureAwait(false);
            return new SlackReply("Opening the declaration form…");
        }
        catch (SlackApiException ex)
        {
            return new SlackReply($"I could not open the form (Slack said `{ex.Error}`). Declare directly instead: `{context.Command.Command} create &lt;title&gt; [severity] [--private]`.");
        }
    }

    /// <summary>What the text was read as, and the command that puts the severity right.</summary>
    private string Understood(Incident incident, bool severityGiven, string command)
    {
        var severity = scheme.Named(incident.Severity);
        var other = scheme.Levels[severity.Rank == 0 && scheme.Levels.Count > 1 ? 1 : Math.Max(0, severity.Rank - 1)];
        var given = severityGiven ? "" : $"No severity at the end of the text, so {severity.Name}, the default. ";
        return $"{given}Wrong severity? `{command} severity {incident.Id} {other.Name}`";
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
