using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// The seeded generator: case <c>n</c> of seed <c>s</c> is always the same request, whatever ran before it, so a
/// failure names the one input to replay (<see cref="Seed"/> and the case's index). Three in ten requests carry bad
/// signature headers; of the signed rest, each is a mutated slash command, event or interaction, sometimes with a
/// body cut short or not UTF-8, a content type or URL that does not fit, or form fields dropped, doubled or broken.
/// </summary>
internal sealed class SlackFuzzer(int seed, string general, string announcements)
{
    private static readonly string[] Paths = ["/slack/commands", "/slack/events", "/slack/interactions"];

    private static readonly string?[] ContentTypes = [null, "application/json", "application/x-www-form-urlencoded", "text/plain; charset=utf-16", "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "*/*"];

    public int Seed { get; } = seed;

    /// <summary>The environment's seed (<c>INCIDENTBOT_FUZZ_SEED</c>), else <paramref name="fixedSeed"/>.</summary>
    public static int SeedFrom(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("INCIDENTBOT_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fixedSeed;

    /// <summary>How many cases to run (<c>INCIDENTBOT_FUZZ_CASES</c>), else <paramref name="fallback"/>.</summary>
    public static int CasesFrom(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("INCIDENTBOT_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases) && cases > 0 ? cases : fallback;

    /// <summary>Case <paramref name="index"/>'s HTTP request.</summary>
    public FuzzCase Http(int index)
    {
        var random = Random(index);
        var payloads = new SlackPayloads(random, general, announcements);
        var mutator = new JsonMutator(random);
        var kind = random.Next(3);
        var path = Paths[kind];
        string contentType;
        byte[] body;
        string what;
        switch (kind)
        {
            case 0:
                var fields = payloads.Command();
                if (random.Next(10) == 0)
                {
                    var json = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]);
                    (var text, what) = mutator.Mutate(json);
                    body = JsonMutator.Utf8(text);
                    what = "command fields as JSON: " + what;
                }
                else
                {
                    what = MutateForm(random, mutator, fields);
                    body = Encoding.UTF8.GetBytes(Form(fields, random));
                }

                contentType = "application/x-www-form-urlencoded";
                break;
            case 1:
                (var eventJson, what) = mutator.Mutate(payloads.Event($"EvFZ{Seed}x{index}"));
                body = JsonMutator.Utf8(eventJson);
                what = "event: " + what;
                contentType = "application/json";
                break;
            default:
                (var payloadJson, what) = mutator.Mutate(payloads.Interaction());
                var form = new List<KeyValuePair<string, string>> { new("payload", payloadJson) };
                if (random.Next(5) == 0)
                {
                    what += "; form: " + MutateForm(random, mutator, form);
                }

                body = Encoding.UTF8.GetBytes(Form(form, random));
                what = "interaction: " + what;
                contentType = "application/x-www-form-urlencoded";
                break;
        }

        if (random.Next(12) == 0)
        {
            (body, var corrupted) = mutator.Corrupt(body);
            what += "; body " + corrupted;
        }

        string? sentType = contentType;
        if (random.Next(10) == 0)
        {
            sentType = ContentTypes[random.Next(ContentTypes.Length)];
            what += $"; content type {sentType ?? "none"}";
        }

        if (random.Next(20) == 0)
        {
            path = Paths[random.Next(Paths.Length)];
            what += $"; sent to {path}";
        }

        var headers = random.Next(10) < 7 ? FuzzHeaders.Signed : (FuzzHeaders)random.Next(1, Enum.GetValues<FuzzHeaders>().Length);
        return new FuzzCase(index, path, sentType, body, headers, what);
    }

    /// <summary>Case <paramref name="index"/> as a Socket Mode envelope: a mutated payload in an intact frame, acknowledged by the bot.</summary>
    public (JsonObject Envelope, string Description) Envelope(int index)
    {
        var random = Random(index);
        var payloads = new SlackPayloads(random, general, announcements);
        var mutator = new JsonMutator(random);
        var id = $"fz-{Seed}-{index}";
        JsonNode payload;
        string type;
        switch (random.Next(3))
        {
            case 0:
                type = "slash_commands";
                payload = new JsonObject([.. payloads.Command().Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]);
                break;
            case 1:
                type = "events_api";
                payload = payloads.Event($"EvFZS{Seed}x{index}");
                break;
            default:
                type = "interactive";
                payload = payloads.Interaction();
                break;
        }

        var (json, what) = mutator.Mutate(payload, allowRaw: false);
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = random.Next(25) == 0 ? "no_such_type" : type,
            ["payload"] = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 1_000 }),
            ["accepts_response_payload"] = type != "events_api" && random.Next(4) != 0,
        };
        if (random.Next(10) == 0)
        {
            envelope["payload"] = mutator.OtherValue();
            what = "payload replaced by another value";
        }

        return (envelope, $"{envelope["type"]}: {what}");
    }

    /// <summary>A frame no envelope parser should choke on: not JSON, cut short, or with its own fields retyped.</summary>
    public (string Frame, string Description) BrokenFrame(int index)
    {
        var random = Random(index);
        var mutator = new JsonMutator(random);
        var frame = new JsonObject
        {
            ["envelope_id"] = $"fzb-{Seed}-{index}",
            ["type"] = "slash_commands",
            ["payload"] = new JsonObject([.. new SlackPayloads(random, general, announcements).Command().Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]),
            ["accepts_response_payload"] = true,
            ["retry_attempt"] = 0,
        };
        var (json, what) = mutator.Mutate(frame);
        if (random.Next(3) == 0)
        {
            var (bytes, corrupted) = mutator.Corrupt(JsonMutator.Utf8(json));
            return (Encoding.UTF8.GetString(bytes), what + "; " + corrupted);
        }

        return (json, what);
    }

    private Random Random(int index) => new(unchecked((Seed * 1_000_003) + index));

    private static string MutateForm(Random random, JsonMutator mutator, List<KeyValuePair<string, string>> fields)
    {
        var done = new List<string>();
        for (var i = random.Next(1, 4); i > 0 && fields.Count > 0; i--)
        {
            var at = random.Next(fields.Count);
            var key = fields[at].Key;
            switch (random.Next(4))
            {
                case 0:
                    fields.RemoveAt(at);
                    done.Add($"dropped {key}");
                    break;
                case 1:
                    fields.Add(new(key, mutator.WeirdString()));
                    done.Add($"{key} twice");
                    break;
                case 2:
                    var value = mutator.WeirdString();
                    fields[at] = new(key, value);
                    done.Add($"{key} = a {value.Length}-char string");
                    break;
                default:
                    fields.Add(new(mutator.WeirdString(), "x"));
                    done.Add("an odd field name");
                    break;
            }
        }

        return string.Join("; ", done);
    }

    /// <summary>URL-encoded, now and then with a broken escape (<c>%zz</c>, a trailing <c>%</c>) or an empty pair.</summary>
    private static string Form(List<KeyValuePair<string, string>> fields, Random random)
    {
        var text = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return random.Next(15) switch
        {
            0 => text + "&%zz=%&&=",
            1 => "&&" + text.Replace("=", "==", StringComparison.Ordinal),
            _ => text,
        };
    }
}
