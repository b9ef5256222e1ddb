using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>One POST as <see cref="FakeHttpReceiver"/> saw it, and the status it answered.</summary>
public sealed record ReceivedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Header(string name) => Headers.GetValueOrDefault(name, "");
}
