using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// Mutates a JSON payload the way a hostile or broken sender would: fields dropped, duplicated or given another type,
/// strings made huge, empty, exotic Unicode or control characters, numbers past every range, nesting past the
/// parser's depth, and raw tokens (lone surrogates, 1e999) no tree can hold. Every choice comes from the given
/// <see cref="Random"/>, so a seed and a case number replay the same input.
/// </summary>
internal sealed class JsonMutator(Random random)
{
    private static readonly string[] RawTokens = ["\"\\ud800\"", "\"\\udfff\\ud800\"", "1e999", "-0", "123456789012345678901234567890", "\"\\u0000\"", "[]", "{}", "null", "true", "\"\\/\\b\\f\""];

    private readonly List<(string Marker, string Replacement)> raw = [];

    /// <summary>One to three mutations of <paramref name="root"/> (changed in place); the JSON text and what was done.</summary>
    public (string Json, string Description) Mutate(JsonNode root, bool allowRaw = true)
    {
        raw.Clear();
        var done = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            done.Add(MutateOnce(root, allowRaw));
        }

        var json = root.ToJsonString();
        foreach (var (marker, replacement) in raw)
        {
            json = json.Replace("\"" + marker + "\"", replacement, StringComparison.Ordinal);
        }

        return (json, string.Join("; ", done));
    }

    /// <summary>A string a sender should never send, and occasionally one it might.</summary>
    public string WeirdString()
    {
        return random.Next(22) switch
        {
            0 => "",
            1 => " ",
            2 => new string('x', random.Next(10_000, 200_000)),
            3 => "😀👩‍👩‍👧‍👦🏳️‍🌈" + new string('\u0301', 50),
            4 => "\u202Eevil\u202C\u200B\uFEFF",
            5 => "\0\u0001\u001b[31m\r\n\t\u007f\u0085\u2028\u2029",
            6 => "<!channel> <!here|here> <!everyone> <!subteam^S1|@team>",
            7 => "<@U0REPORTER|x> <#C0GENERAL|general> <javascript:alert(1)|click> [x](javascript:alert(1))",
            8 => "*_~`&amp;&lt;&gt;<>&\"'\\",
            9 => "{{ 7*7 }} {{ for x in 1..100000000 }}x{{ end }} {% raw %}",
            10 => "-1",
            11 => "99999999999999999999999999",
            12 => "1e308",
            13 => "NaN",
            14 => "INC-99999999999999999999",
            15 => "INC-0",
            16 => "0000000000.000000",
            17 => "' OR 1=1; -- %s%n%x",
            18 => "sev" + random.Next(-5, 1_000_000).ToString(CultureInfo.InvariantCulture),
            19 => "../../../../etc/passwd",
            20 => string.Concat(Enumerable.Repeat("a b ", random.Next(1, 3_000))),
            _ => new string((char)random.Next(0x20, 0xD7FF), random.Next(1, 300)),
        };
    }

    /// <summary>A JSON value of any kind, to retype a field with.</summary>
    public JsonNode? OtherValue()
    {
        return random.Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(2) == 0),
            2 => JsonValue.Create(random.Next()),
            3 => JsonValue.Create(-1.5e300),
            4 => new JsonArray(JsonValue.Create(WeirdString()), JsonValue.Create(1)),
            5 => new JsonObject { ["id"] = WeirdString(), ["type"] = 7 },
            6 => Deep(random.Next(60, 200)),
            7 => new JsonArray([.. Enumerable.Range(0, random.Next(100, 2_000)).Select(i => (JsonNode?)JsonValue.Create(i))]),
            _ => JsonValue.Create(WeirdString()),
        };
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private string MutateOnce(JsonNode root, bool allowRaw)
    {
        var places = new List<(JsonNode Parent, string? Key, int Index, string Path)>();
        Collect(root, "$", places);
        if (places.Count == 0)
        {
            return "nothing to mutate";
        }

        var (parent, key, index, path) = places[random.Next(places.Count)];
        var kind = random.Next(allowRaw ? 6 : 5);
        if (kind == 3 && parent is not JsonObject)
        {
            // Only an object's field can be written twice.
            kind = 1;
        }

        switch (kind)
        {
            case 0:
                Remove(parent, key, index);
                return $"dropped {path}";
            case 1:
                Set(parent, key, index, OtherValue());
                return $"retyped {path}";
            case 2:
                var text = WeirdString();
                Set(parent, key, index, JsonValue.Create(text));
                return $"{path} = {Describe(text)}";
            case 3:
                // Written twice: the first copy another value, the second the original.
                var obj = (JsonObject)parent;
                var marker = Marker();
                var value = obj[key!];
                obj.Remove(key!);
                obj[marker] = value;
                raw.Add((marker, "\"" + Escape(key!) + "\":" + (OtherValue()?.ToJsonString() ?? "null") + ",\"" + Escape(key!) + "\""));
                return $"duplicated {path}";
            case 4:
                Set(parent, key, index, JsonValue.Create(random.Next(3) switch { 0 => "", 1 => "U0REPORTER", _ => "C0GENERAL" }));
                return $"{path} = a plausible id";
            default:
                var token = RawTokens[random.Next(RawTokens.Length)];
                var rawMarker = Marker();
                Set(parent, key, index, JsonValue.Create(rawMarker));
                raw.Add((rawMarker, token));
                return $"{path} = raw {token}";
        }
    }

    private string Marker() => "__fuzz_" + random.Next().ToString(CultureInfo.InvariantCulture) + "__";

    private static string Escape(string key) => JsonValue.Create(key).ToJsonString()[1..^1];

    private static string Describe(string text) =>
        text.Length > 40 ? $"a {text.Length}-char string starting {JsonValue.Create(text[..20]).ToJsonString()}" : JsonValue.Create(text).ToJsonString();

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    places.Add((obj, key, -1, path + "." + key));
                    if (child is not null)
                    {
                        Collect(child, path + "." + key, places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i, $"{path}[{i}]"));
                    if (array[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]", places);
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else
        {
            ((JsonArray)parent).RemoveAt(index);
        }
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    /// <summary>Text cut short or with bytes that are not UTF-8.</summary>
    public (byte[] Bytes, string Description) Corrupt(byte[] body)
    {
        if (body.Length == 0)
        {
            return (body, "empty");
        }

        switch (random.Next(3))
        {
            case 0:
                var cut = random.Next(body.Length);
                return (body[..cut], $"truncated at byte {cut} of {body.Length}");
            case 1:
                var at = random.Next(body.Length);
                byte[] bad = [0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80];
                return ([.. body[..at], .. bad, .. body[at..]], $"invalid UTF-8 at byte {at}");
            default:
                var copy = (byte[])body.Clone();
                for (var i = 0; i < 1 + (copy.Length / 50); i++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return (copy, "random bytes flipped");
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
