namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Whether Slack accepts the bot token now. When a call is refused for the token (<see cref="SlackErrors.TokenRefused"/>),
/// or <c>auth.test</c> fails at start, delivery pauses for every lane and <c>/health</c> turns degraded, with one log line
/// naming the problem; <see cref="SlackTokenProbe"/> lifts the pause once <c>auth.test</c> succeeds again.
/// </summary>
public sealed partial class SlackTokenState(ILogger<SlackTokenState> logger)
{
    private readonly Lock gate = new();
    private string? problem;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while delivery to Slack is paused.</summary>
    public bool IsPaused => Problem is not null;

    /// <summary>What Slack said, e.g. <c>token_revoked</c> or <c>missing_scope (needs chat:write)</c>; null while the token is accepted.</summary>
    public string? Problem
    {
        get
        {
            lock (gate)
            {
                return problem;
            }
        }
    }

    /// <summary>Completes at the next pause or resume.</summary>
    public Task Changed
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    /// <summary>While the start's auth.test runs: a refusal then stops the start with its own line, so it is not logged here as well.</summary>
    internal bool StartCheck { get; set; }

    /// <summary>Slack answered <paramref name="method"/> with <paramref name="error"/> (and, for a missing scope, the scope it <paramref name="needed"/>): pauses delivery.</summary>
    public void Refused(string method, string error, string? needed = null)
    {
        var reason = error == "missing_scope" && !string.IsNullOrEmpty(needed) ? $"missing_scope (needs {needed})" : error;
        if (!Change(reason) || StartCheck)
        {
            return;
        }

        if (needed is { Length: > 0 })
        {
            LogMissingScope(method, needed);
        }
        else
        {
            LogPaused(method, reason);
        }
    }

    /// <summary>The start's auth.test did not get through (<paramref name="error"/>, e.g. <c>network_error</c>): the bot starts degraded, delivery waits.</summary>
    public void Unreachable(string error, Uri apiBaseUrl)
    {
        if (Change($"unreachable ({error})"))
        {
            LogUnreachable(apiBaseUrl, error);
        }
    }

    /// <summary>Slack accepts the token again: delivery resumes.</summary>
    public void Accepted()
    {
        if (Change(null))
        {
            LogResumed();
        }
    }

    private bool Change(string? next)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            if (problem == next)
            {
                return false;
            }

            problem = next;
            done = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused the bot token ({Problem}, answering {Method}): delivery to Slack is paused for every incident, nothing is lost, and it resumes once auth.test succeeds")]
    private partial void LogPaused(string method, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack says the bot lacks the scope {Scope} (answering {Method}): add it to the app and reinstall; delivery to Slack is paused for every incident and resumes once auth.test succeeds")]
    private partial void LogMissingScope(string method, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack could not be reached at {ApiBaseUrl} at start ({Error}): the bot starts degraded and serves commands; delivery to Slack waits, nothing is lost, and it resumes once auth.test succeeds")]
    private partial void LogUnreachable(Uri apiBaseUrl, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack accepts the bot token again (auth.test succeeded): delivery resumes")]
    private partial void LogResumed();
}
