using IncidentBot.Messaging;
using IncidentBot.Observability;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Commands;

/// <summary>
/// Routes <c>/incident &lt;verb&gt; …</c> to the one handler of that verb (a keyed index). Anything it does not
/// know, and an empty command, gets the help text: never silence. Every command but <c>help</c> and its answer go to the
/// audit log; a command that changed something is answered only once its change and audit entry are on disk.
/// </summary>
public sealed partial class CommandRouter : ISlashCommandHandler
{
    private readonly Dictionary<string, IIncidentCommandHandler> handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly IncidentMessages messages;
    private readonly IIncidentStore store;
    private readonly IClock clock;
    private readonly BotTelemetry telemetry;
    private readonly ILogger<CommandRouter> logger;

    public CommandRouter(IEnumerable<IIncidentCommandHandler> handlers, IncidentMessages messages, IIncidentStore store, IClock clock, BotTelemetry telemetry, ILogger<CommandRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            foreach (var verb in handler.Verbs)
            {
                this.handlers.Add(verb, handler);
            }
        }

        this.messages = messages;
        this.store = store;
        this.clock = clock;
        this.telemetry = telemetry;
        this.logger = logger;
    }

    public async Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (verb, rest) = IncidentCommandParser.FirstWord(command.Text);
        var context = new CommandContext(command, verb.ToLowerInvariant(), rest, clock.GetCurrentInstant());
        var known = handlers.TryGetValue(verb, out var handler);
        var named = known ? context.Verb : verb.Length == 0 || context.Verb == "help" ? "help" : "unknown";
        using var activity = BotTelemetry.StartCommand(named);
        SlackReply reply;
        try
        {
            reply = handler is not null
                ? await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false)
                : Help(command, verb);
            telemetry.CommandHandled(activity, named, known ? "ok" : named);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user still gets an answer, and what they typed is kept in the audit log for a retry by hand.
            telemetry.CommandHandled(activity, named, "error");
            LogCommandFailed(ex, verb);
            reply = new SlackReply("Something went wrong on my side and nothing was changed. Please try again; if it keeps failing, tell the bot's operator.");
            await store.AuditAsync(AuditEntries.For(context, null, "error: " + ex.GetType().Name)).ConfigureAwait(false);
            return reply;
        }

        if (!context.Audited && named != "help")
        {
            // Nothing was changed, so the answer does not wait for the disk: the entry goes out with a later commit that
            // has room. Under a flood of such commands the store sheds what it cannot hold (and counts it) rather than
            // let them take memory or delay a change. The help text reads nothing and shows nobody's data, so it is not
            // audited: its entry cost a write for each request (half of help's throughput) and told an operator nothing.
            if (store.TryAuditLater(AuditEntries.For(context, null, reply.Text)) is { } written)
            {
                _ = AuditInBackgroundAsync(written, verb);
            }
        }

        return reply;
    }

    private async Task AuditInBackgroundAsync(Task written, string verb)
    {
        try
        {
            await written.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAuditFailed(ex, verb);
        }
    }

    private SlackReply Help(SlashCommand command, string verb)
    {
        var help = messages.Help(command.Command);
        return verb.Length == 0 || verb.Equals("help", StringComparison.OrdinalIgnoreCase)
            ? SlackReply.Shared(help)
            : new SlackReply($"I don't know `{SlackText.Escape(SlackText.Truncate(verb, 40))}`.\n{help}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry of /incident {Verb} could not be written")]
    private partial void LogAuditFailed(Exception ex, string verb);

    [LoggerMessage(Level = LogLevel.Error, Message = "/incident {Verb} failed")]
    private partial void LogCommandFailed(Exception ex, string verb);
}
