using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot's log lines at the hosts' levels (warning and above by default), kept for a test to read.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    /// <summary>The lines logged at <paramref name="level"/> or above, in order.</summary>
    public IReadOnlyList<string> Lines(LogLevel level = LogLevel.Warning) => [.. entries.Where(l => l.Level >= level).Select(l => l.Line)];

    /// <summary>Every entry the host's levels let through, with its category and exception, in order.</summary>
    public IReadOnlyList<Entry> Entries() => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record Entry(LogLevel Level, string Category, string Line, Exception? Exception);

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
