using System.Collections;
using Microsoft.Extensions.Logging.Testing;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>Every text a log record carries (message, state values, scopes, exception with inner ones), searched for secrets.</summary>
internal static class LogLeaks
{
    /// <summary>The records (as "category: text") that hold any of <paramref name="secrets"/>, as given or normalized, in any case.</summary>
    public static List<string> Find(IEnumerable<FakeLogRecord> records, IEnumerable<string> secrets)
    {
        var needles = secrets.SelectMany(s => new[] { s.Trim(), LicenseKeyNormalizer.Normalize(s) }).Distinct().ToList();
        var leaks = new List<string>();
        foreach (var record in records)
        {
            foreach (var text in TextsOf(record))
            {
                if (needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    leaks.Add(record.Category + ": " + text);
                }
            }
        }

        return leaks;
    }

    private static IEnumerable<string> TextsOf(FakeLogRecord record)
    {
        yield return record.Message;
        foreach (var pair in record.StructuredState ?? [])
        {
            yield return pair.Key + "=" + pair.Value;
        }

        foreach (var scope in record.Scopes)
        {
            yield return scope?.ToString() ?? string.Empty;
            if (scope is IEnumerable values and not string)
            {
                foreach (var value in values)
                {
                    yield return value?.ToString() ?? string.Empty;
                }
            }
        }

        if (record.Exception is { } exception)
        {
            // ToString carries the message, the inner exceptions and the stack; Data may hold values too.
            yield return exception.ToString();
            for (var current = exception; current is not null; current = current.InnerException)
            {
                foreach (DictionaryEntry entry in current.Data)
                {
                    yield return entry.Key + "=" + entry.Value;
                }
            }
        }
    }
}
