using System.Collections.Concurrent;
using System.Security.Cryptography;
using NodaTime;

namespace IncidentBot.Sandbox;

/// <summary>
/// The response_urls the emulated Slack handed out with commands and clicks, and whom each answers. As Slack's, each
/// lasts 30 minutes and takes 5 posts; at most <see cref="Capacity"/> are kept, the oldest going first.
/// </summary>
public sealed class SandboxResponseUrls(IClock clock)
{
    public const int Capacity = 1_000;
    private const int MaxPosts = 5;
    private static readonly Duration Lifetime = Duration.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Issued> issued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>A new token for <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public string Issue(string channel, string user)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        issued[token] = new Issued(channel, user, clock.GetCurrentInstant(), 0);
        order.Enqueue(token);
        while (order.Count > Capacity && order.TryDequeue(out var oldest))
        {
            issued.TryRemove(oldest, out _);
        }

        return token;
    }

    /// <summary>Whom a post to <paramref name="token"/> answers; null once it expired, was used 5 times, or never was.</summary>
    public (string Channel, string User)? Use(string token)
    {
        while (issued.TryGetValue(token, out var target))
        {
            if (clock.GetCurrentInstant() - target.At > Lifetime || target.Posts >= MaxPosts)
            {
                return null;
            }

            if (issued.TryUpdate(token, target with { Posts = target.Posts + 1 }, target))
            {
                return (target.Channel, target.User);
            }
        }

        return null;
    }

    private sealed record Issued(string Channel, string User, Instant At, int Posts);
}
