namespace IncidentBot.Incidents;

/// <summary>
/// The Latin letter or digit under an accent (<c>é</c> → <c>e</c>, <c>ệ</c> → <c>e</c>): the first
/// character of every canonical decomposition (Unicode FormD) that starts with an ASCII letter or digit. Kept as a table
/// so the bot runs with <c>InvariantGlobalization</c>, without ICU's libraries and data (4 MB of resident memory): in
/// that mode <c>string.Normalize</c> leaves such characters as they are.
/// </summary>
internal static class AccentFolding
{
    /// <summary>Runs of consecutive characters and the base character of each, in order (generated from FormD).</summary>
    private static readonly (char First, string Bases)[] Runs =
    [
        ('\u00C0', "AAAAAA"), ('\u00C7', "CEEEEIIII"), ('\u00D1', "NOOOOO"), ('\u00D9', "UUUUY"),
        ('\u00E0', "aaaaaa"), ('\u00E7', "ceeeeiiii"), ('\u00F1', "nooooo"), ('\u00F9', "uuuuy"),
        ('\u00FF', "yAaAaAaCcCcCcCcDd"), ('\u0112', "EeEeEeEeEeGgGgGgGgHh"), ('\u0128', "IiIiIiIiI"), ('\u0134', "JjKk"),
        ('\u0139', "LlLlLl"), ('\u0143', "NnNnNn"), ('\u014C', "OoOoOo"), ('\u0154', "RrRrRrSsSsSsSsTtTt"),
        ('\u0168', "UuUuUuUuUuUuWwYyYZzZzZz"), ('\u01A0', "Oo"), ('\u01AF', "Uu"), ('\u01CD', "AaIiOoUuUuUuUuUu"),
        ('\u01DE', "AaAa"), ('\u01E6', "GgKkOoOo"), ('\u01F0', "j"), ('\u01F4', "Gg"), ('\u01F8', "NnAa"),
        ('\u0200', "AaAaEeEeIiIiOoOoRrRrUuUuSsTt"), ('\u021E', "Hh"), ('\u0226', "AaEeOoOoOoOoYy"),
        ('\u1E00', "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy"),
        ('\u1EA0', "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy"),
        ('\u212A', "KA"),
    ];

    /// <summary>
    /// How a Latin letter without a decomposition is spelled in ASCII (<c>ø</c> → <c>o</c>, <c>ß</c> → <c>ss</c>,
    /// <c>æ</c> → <c>ae</c>), as a German, Danish, Polish or Icelandic reader would write it without the letter; null for
    /// any other character.
    /// </summary>
    public static string? Spelled(char c) => c switch
    {
        'Ø' or 'ø' => "o",
        'Đ' or 'đ' or 'Ð' or 'ð' => "d",
        'Ł' or 'ł' => "l",
        'Ħ' or 'ħ' => "h",
        'Ŧ' or 'ŧ' => "t",
        'ı' => "i",
        'ß' => "ss",
        'Æ' or 'æ' => "ae",
        'Œ' or 'œ' => "oe",
        'Þ' or 'þ' => "th",
        _ => null,
    };

    /// <summary>The base letter or digit of <paramref name="c"/>, or <paramref name="c"/> itself when it has none.</summary>
    public static char Fold(char c)
    {
        if (c < '\u00C0')
        {
            return c;
        }

        foreach (var (first, bases) in Runs)
        {
            if (c < first)
            {
                break;
            }

            if (c - first < bases.Length)
            {
                return bases[c - first];
            }
        }

        return c;
    }
}
