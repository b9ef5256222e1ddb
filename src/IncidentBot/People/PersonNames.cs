using System.Text.RegularExpressions;
using IncidentBot.Slack;

namespace IncidentBot.People;

/// <summary>
/// The handles of a set of people, looked up before rendering, so that text rendered without waiting (a Markdown
/// document) can say <c>@alice</c>. Someone not looked up, or whose lookup failed, keeps their id.
/// </summary>
public sealed partial class PersonNames
{
    private readonly IReadOnlyDictionary<string, string> byId;

    private PersonNames(IReadOnlyDictionary<string, string> byId) => this.byId = byId;

    /// <summary>Nobody looked up: every person is shown by their id.</summary>
    public static PersonNames None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The handle of <paramref name="userId"/>, without the @; the id itself when it is not known.</summary>
    public string Of(string userId) => byId.GetValueOrDefault(userId, userId);

    /// <summary>Looks up each distinct id side by side (each answered from the directory's cache when it can be).</summary>
    public static async Task<PersonNames> LookUpAsync(IPeopleDirectory directory, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(userIds);
        var ids = userIds.Where(id => UserId().IsMatch(id)).Distinct(StringComparer.Ordinal).ToList();
        var people = await Task.WhenAll(ids.Select(id => directory.FindAsync(new SlackUserId(id), cancellationToken))).ConfigureAwait(false);
        return new PersonNames(people.OfType<Person>().ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal));
    }

    /// <summary>The ids of the people mentioned in Slack text without a name (<c>&lt;@U123&gt;</c>).</summary>
    public static IEnumerable<string> Mentioned(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Mention().Matches(text).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserId();

    [GeneratedRegex("<@([UW][A-Z0-9]{2,})>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
