using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

/// <summary>Every limit is a positive number, so a typo stops the start instead of refusing every change.</summary>
public sealed class LimitsValidator : IValidateOptions<IncidentLimits>
{
    public ValidateOptionsResult Validate(string? name, IncidentLimits options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invalid = options.Invalid().ToList();
        return invalid.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(invalid);
    }
}
