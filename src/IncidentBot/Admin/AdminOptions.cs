namespace IncidentBot.Admin;

/// <summary>Settings of the "Admin" section: the operators' endpoints under <c>/admin</c>.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// The bearer token <c>/admin</c> requests must carry, at least 16 characters (compared in constant time, never logged). Default empty: the
    /// admin endpoints answer 404, as if they did not exist.
    /// </summary>
    public string Token { get; set; } = "";
}
