using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using NodaTime;

namespace IncidentBot.People;

/// <summary>
/// <see cref="IPeopleDirectory"/> over users.info. A person is remembered for an hour, a failed lookup for a minute (so
/// a Slack outage costs each command one short wait a minute, not one per command); at most <see cref="Capacity"/>
/// people are kept, the ones due to expire first making room. A lookup that takes longer than
/// <see cref="LookupTimeout"/> gives up, since it may stand between a slash command and its 3 s answer.
/// </summary>
public sealed partial class SlackPeopleDirectory(ISlackApi slack, IClock clock, TimeProvider time, ILogger<SlackPeopleDirectory> logger) : IPeopleDirectory
{
    public const int Capacity = 5_000;

    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(1.5);

    private static readonly Duration Known = Duration.FromHours(1);
    private static readonly Duration Unknown = Duration.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (Person? Person, Instant Expires)> cache = new(StringComparer.Ordinal);

    public async Task<Person?> FindAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        lock (gate)
        {
            if (cache.TryGetValue(user.Value, out var hit) && hit.Expires > now)
            {
                return hit.Person;
            }
        }

        var person = await LookUpAsync(user, cancellationToken).ConfigureAwait(false);
        Remember(user.Value, person, now + (person is null ? Unknown : Known), now);
        return person;
    }

    private async Task<Person?> LookUpAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(LookupTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var info = await slack.GetUserInfoAsync(user, linked.Token).ConfigureAwait(false);
            var zone = info.TimeZone is { Length: > 0 } tz ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz) : null;
            return new Person(user.Value, info.Name.Length > 0 ? info.Name : user.Value, zone);
        }
        catch (Exception ex) when (ex is SlackApiException or KeyNotFoundException or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(user.Value, ex.Message);
            return null;
        }
    }

    private void Remember(string id, Person? person, Instant expires, Instant now)
    {
        lock (gate)
        {
            if (cache.Count >= Capacity && !cache.ContainsKey(id))
            {
                foreach (var stale in cache.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                {
                    cache.Remove(stale);
                }

                if (cache.Count >= Capacity)
                {
                    cache.Remove(cache.MinBy(e => e.Value.Expires).Key);
                }
            }

            cache[id] = (person, expires);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up user {User} (users.info): {Reason}; using the id and UTC")]
    private partial void LogLookupFailed(string user, string reason);
}
