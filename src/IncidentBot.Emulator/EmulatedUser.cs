namespace IncidentBot.Emulator;

/// <summary>A person (or the bot) of the emulated workspace, with the time zone of their profile (a tz database id) and its email.</summary>
public sealed record EmulatedUser(string Id, string Name, string RealName, bool IsBot = false, string TimeZone = "Europe/London", string? Email = null);
