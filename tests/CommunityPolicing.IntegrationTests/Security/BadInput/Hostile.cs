using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommunityPolicing.IntegrationTests.Security.BadInput;

/// <summary>
/// Hostile values from a fixed seed, so a failure replays: oversized text, broken Unicode, control characters,
/// markup and script, SQL metacharacters, wrong types for numbers, dates, enums and guids, forged and huge ids,
/// empty and blank text. <see cref="Text"/> is what a client types; <see cref="Raw"/> is form-encoded as is, for
/// bytes no string holds (invalid UTF-8).
/// </summary>
public sealed record Hostile(string Kind, string Text, string? Raw = null)
{
    /// <summary>The value as a form or query component: the raw bytes when given, else UTF-8 percent-encoded.</summary>
    public string Encoded => Raw ?? Encode(Text);

    /// <summary>
    /// A NUL in a URL's path: Kestrel answers 400 before the app, while the test server cannot carry it at all;
    /// such values go in query strings and bodies only.
    /// </summary>
    public static bool NulInPath(string url) => url.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>Markup a careless page would echo verbatim.</summary>
    public bool IsMarkup => Text.Contains('<') || Text.Contains("\">", StringComparison.Ordinal);

    public override string ToString() => $"{Kind}: {(Text.Length > 60 ? Text[..60] + $"…({Text.Length})" : Text)}";

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text)) // lone surrogates become U+FFFD, as a browser sends them
        {
            builder.Append(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.'
                ? (char)b
                : $"%{b:X2}");
        }

        return builder.ToString();
    }

    /// <summary>The values for one text field: the fixed catalogue plus generated ones from the seed.</summary>
    public static IReadOnlyList<Hostile> Values(int seed, int generated)
    {
        var random = new Random(seed);
        var values = new List<Hostile>(Catalogue);
        for (var i = 0; i < generated; i++)
        {
            values.Add(Generate(random));
        }

        return values;
    }

    public static readonly IReadOnlyList<Hostile> Catalogue =
    [
        new("empty", ""), new("blank", "   "), new("blank", "\t\r\n"), new("blank", "\u00A0\u3000\u2007"), new("blank", "\u200B\u200B"),
        new("oversized", new string('A', 10_000)), new("oversized", new string('ж', 50_000)), new("oversized", string.Concat(Enumerable.Repeat("<b>x</b>", 20_000))),
        new("oversized", new string('9', 1_000_000)),
        new("surrogate", "\uD800"), new("surrogate", "ab\uDC00cd"), new("surrogate", "\uDBFF\uDBFF"),
        new("utf8", "\uFFFD", Raw: "%FF%FE%FD"), new("utf8", "overlong", Raw: "%C0%AF%C0%AE"), new("utf8", "cesu", Raw: "%ED%A0%80%ED%B0%80"),
        new("utf8", "truncated", Raw: "abc%E2%82"), new("utf8", "bad-escape", Raw: "%ZZ%%%G1"),
        new("control", "\0"), new("control", "a\0b"), new("control", "\u0001\u0002\u0007\u001B[31m"), new("control", "\u007F\u0085\u009C"),
        new("control", "line\r\nSet-Cookie: evil=1"), new("bom", "\uFEFFtext"),
        new("rtl", "\u202Egnp.exe"), new("rtl", "\u202D\u202E\u2066\u2069abc"), new("combining", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B"),
        new("emoji", "👮‍♀️🚓🏳️‍🌈"), new("astral", "𝕏𝔸𝕊𝕊"),
        new("html", "<script>alert(1)</script>"), new("html", "\"><img src=x onerror=alert(1)>"), new("html", "'><svg onload=alert(1)>"),
        new("html", "<iframe src=javascript:alert(1)>"), new("html", "</textarea><script>alert(2)</script>"), new("html", "<a href=\"javascript:alert(3)\">x</a>"),
        new("html", "{{constructor.constructor('alert(4)')()}}"), new("html", "@(1+1) @DateTime.Now"), new("html", "javascript:alert(5)"),
        new("html", "<!--x--><b>bold</b>"), new("html", "]]><![CDATA[<x>"), new("xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"),
        new("sql", "' OR 1=1--"), new("sql", "'; DROP TABLE appeals;--"), new("sql", "1; DELETE FROM audit_entries"), new("sql", "\" OR \"\"=\""),
        new("sql", "' UNION SELECT password_hash FROM asp_net_users--"), new("sql", "%' AND pg_sleep(5)--"), new("sql", "\\'; SELECT 1; --"),
        new("like", "%"), new("like", "_"), new("like", "\\"), new("like", "[a-z]%"),
        new("format", "{0}{1}"), new("format", "%s%s%s%n"), new("format", "${jndi:ldap://x/a}"), new("path", "../../../../etc/passwd"),
        new("path", "..\\..\\windows\\win.ini"), new("url", "//evil.example/"), new("url", "/\\evil.example"), new("url", "https://evil.example/"),
        new("json", "{\"$type\":\"System.IO.FileInfo\"}"), new("json", "[1,2,{\"a\":null}]"), new("null", "null"), new("null", "undefined"),
        new("number", "-1"), new("number", "0"), new("number", "2147483648"), new("number", "-2147483649"), new("number", "99999999999999999999999"),
        new("number", "1e309"), new("number", "-1e309"), new("number", "NaN"), new("number", "Infinity"), new("number", "-Infinity"), new("number", "0x1F"),
        new("number", "1,5"), new("number", "1.5.5"), new("number", "٣"), new("number", "+-1"), new("number", "9223372036854775807"), new("number", "-9223372036854775808"),
        new("number", "4.9E-324"), new("number", "1.7976931348623157E+308"), new("number", " 42 "),
        new("date", "2026-13-45"), new("date", "0000-00-00"), new("date", "9999-12-31"), new("date", "0001-01-01"), new("date", "yesterday"),
        new("date", "2026-02-30"), new("date", "-2026-01-01"), new("date", "2026-01-01T25:61:61Z"), new("date", "10000-01-01"), new("date", "1/2/3"),
        new("enum", "Bogus"), new("enum", "999"), new("enum", "-1"), new("enum", "Registered,Closed"), new("enum", "registered"),
        new("guid", "00000000-0000-0000-0000-000000000000"), new("guid", "not-a-guid"), new("guid", "{" + new string('f', 40) + "}"),
        new("bool", "yes"), new("bool", "2"), new("bool", "true,false"),
        new("code", "AAAAAAAAAAAA"), new("code", "0000-000000"), new("code", new string('Z', 41)),
    ];

    private static Hostile Generate(Random random)
    {
        string Piece(int which) => which switch
        {
            0 => Catalogue[random.Next(Catalogue.Count)].Text is { Length: < 2000 } t ? t : "x",
            1 => ((char)random.Next(0, 0x20)).ToString(),
            2 => ((char)random.Next(0xD800, 0xE000)).ToString(),
            3 => random.Next().ToString(CultureInfo.InvariantCulture),
            4 => "<" + (random.Next(2) == 0 ? "script" : "img src=x onerror=alert(" + random.Next(100) + ")") + ">",
            5 => new string((char)random.Next(0x20, 0x2FFF), random.Next(1, 400)),
            _ => "'\";--",
        };

        var text = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Piece(random.Next(7))));
        return new Hostile("mixed", text);
    }

    private static readonly Regex Leak = new(
        @"\bat [A-Z][\w.]+\.[\w<>]+\(|[A-Z][a-zA-Z]+\.[A-Z][\w.]*Exception\b|\bNpgsql\b|StackTrace|Unhandled exception|DeveloperExceptionPage",
        RegexOptions.Compiled);

    /// <summary>A stack trace or an exception's type name in a response body.</summary>
    public static string? StackTraceIn(string body) => Leak.Match(body) is { Success: true } m ? m.Value : null;
}
