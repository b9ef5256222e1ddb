using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

/// <summary>Every incident admin is a user id (U…, W…) or a user-group id (S…), so a typo stops the start instead of locking nobody in.</summary>
public sealed partial class AdminsValidator : IValidateOptions<IncidentsOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wrong = options.Admins.Where(a => !Id().IsMatch(a)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Incidents:Admins takes user ids (U…, W…) and user-group ids (S…), not {string.Join(", ", wrong.Select(w => $"'{w}'"))}.");
    }

    [GeneratedRegex("^[UWS][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
