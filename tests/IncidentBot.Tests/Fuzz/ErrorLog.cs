using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IncidentBot.Slack.Outbound;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// A logger provider for the bot under test that keeps every Error and Critical line, with its exception.
/// <see cref="Unexplained"/> leaves out Slack's own refusals (a call about a channel, user or trigger id that a fuzzed
/// payload made up, answered <c>channel_not_found</c> and the like): those are Slack's verdict, logged as such.
/// </summary>
internal sealed partial class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Line, bool SlackRefused)> entries = new();

    public IReadOnlyList<string> Entries => [.. entries.Select(e => e.Line)];

    public IReadOnlyList<string> Unexplained => [.. entries.Where(e => !e.SlackRefused).Select(e => e.Line)];

    /// <summary>The unexplained lines grouped by message and exception, one example each.</summary>
    public string Summary() =>
        $"{Unexplained.Count} errors logged ({Entries.Count - Unexplained.Count} more were Slack refusing a made-up id):\n"
        + string.Join("\n", Unexplained.GroupBy(e => e.Split('\n')[0]).Select(g => $"×{g.Count()} {FuzzFailures.Cut(g.First())}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"Slack [\w.]+ said \w+")]
    private static partial Regex SlackSaid();

    private sealed class Logger(string category, ConcurrentQueue<(string, bool)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception);
                var slackRefused = logLevel == LogLevel.Error && (exception is SlackApiException || (exception is null && SlackSaid().IsMatch(message)));
                entries.Enqueue(($"{logLevel} {category}: {message}{(exception is null ? "" : " | " + exception)}", slackRefused));
            }
        }
    }
}
