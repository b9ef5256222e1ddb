namespace IncidentBot.Tests.Fakes;

/// <summary>An emoji reaction <see cref="User"/> added to the message at <see cref="Ts"/>.</summary>
public sealed record FakeReaction(string Channel, string Ts, string Name, string User);
