using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot's log lines at warning and above (the hosts' default level), kept for a test to read.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> lines = new();

    /// <summary>The lines logged at <paramref name="level"/> or above, in order.</summary>
    public IReadOnlyList<string> Lines(LogLevel level = LogLevel.Warning) => [.. lines.Where(l => l.Level >= level).Select(l => l.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
