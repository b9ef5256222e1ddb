using System.Globalization;

namespace IncidentBot.Incidents;

/// <summary>An incident's number, shown to people as <c>INC-42</c>.</summary>
public readonly record struct IncidentId(int Value)
{
    private const string Prefix = "INC-";

    public override string ToString() => Prefix + Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts <c>INC-42</c> in any case, and <c>INC42</c> as a hurried hand types it; anything else is not an incident id.</summary>
    public static bool TryParse(string text, out IncidentId id)
    {
        ArgumentNullException.ThrowIfNull(text);
        id = default;
        var number = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? Prefix.Length
            : text.StartsWith(Prefix[..^1], StringComparison.OrdinalIgnoreCase) ? Prefix.Length - 1
            : -1;
        if (number < 0
            || !int.TryParse(text.AsSpan(number), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n <= 0)
        {
            return false;
        }

        id = new IncidentId(n);
        return true;
    }
}
