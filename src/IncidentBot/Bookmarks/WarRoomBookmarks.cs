using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Bookmarks;

/// <summary>
/// A declaration bookmarks its war room, in the same transaction and on the topic's lane: the call
/// (<c>Incidents:CallUrl</c>), the runbooks of its severity and of the services its title names
/// (<c>Incidents:Runbooks</c>), and the post-mortem (<c>Incidents:PostmortemUrl</c>).
/// </summary>
public sealed class WarRoomBookmarks(IOptions<IncidentsOptions> incidents, IOptions<RunbooksOptions> runbooks, SeverityScheme scheme) : IIncidentChangeListener
{
    public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(added);
        if (added.FirstOrDefault(e => e.Kind == TimelineKind.Declared) is not { } declared)
        {
            return [];
        }

        return Links(incident)
            .DistinctBy(l => l.Url, StringComparer.Ordinal)
            .Select(l => OutboxMessage.For(incident.Id, l, declared.At).InLane(OutboxMessage.TopicLane))
            .ToList();
    }

    private IEnumerable<AddBookmark> Links(Incident incident)
    {
        var o = incidents.Value;
        if (!string.IsNullOrWhiteSpace(o.CallUrl))
        {
            yield return new AddBookmark("📞 Call", o.CallUrl.Trim());
        }

        // The severity's runbooks first, then those of the services the title names, then those of every incident.
        var severity = scheme.Named(incident.Severity).Name;
        var books = runbooks.Value.Runbooks;
        var ordered = books.Where(b => scheme.Find(b.Key)?.Name == severity)
            .Concat(books.Where(b => b.Key != "*" && scheme.Find(b.Key) is null && NamesService(incident.Title, b.Key)).OrderBy(b => b.Key, StringComparer.OrdinalIgnoreCase))
            .Concat(books.Where(b => b.Key == "*"));
        foreach (var book in ordered.SelectMany(b => b.Value))
        {
            yield return new AddBookmark("📖 " + book.Title.Trim(), book.Url.Trim());
        }

        if (!string.IsNullOrWhiteSpace(o.PostmortemUrl))
        {
            yield return new AddBookmark("📝 Post-mortem", o.PostmortemUrl.Trim());
        }
    }

    private static bool NamesService(string title, string service) =>
        Regex.IsMatch(title, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(service.Trim())}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
