using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>The query string of <c>GET /licenses/events</c>: cursor, limit and state.</summary>
internal sealed class ListEventsQuery
{
    public static IReadOnlyList<QueryParameter<ListEventsQuery>> Parameters { get; } =
    [
        new("after", LicenseFieldKind.String, (_, _, text, q) => q.Query = q.Query with { After = text }),
        new("limit", LicenseFieldKind.Integer, ReadLimit),
        new("state", LicenseFieldKind.String, ReadState, [.. LicenseEventResponse.StateSpellings.Values]),
    ];

    public LicenseEventQuery Query { get; private set; } = new();

    /// <summary>Reads every parameter; an unknown one is refused, as on the license list.</summary>
    public static (ListEventsQuery Query, IReadOnlyList<LicenseError>? Errors) Read(IQueryCollection values, LicenseErrorDescriber describe)
    {
        var query = new ListEventsQuery();
        return (query, QueryParameter<ListEventsQuery>.ReadAll(Parameters, values, describe, query));
    }

    private static void ReadLimit(FieldReader reader, string name, string text, ListEventsQuery query)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            query.Query = query.Query with { Limit = limit };
        }
        else
        {
            reader.Add(reader.Describe.QueryValueInvalid(name, LicenseFieldKind.Integer));
        }
    }

    private static void ReadState(FieldReader reader, string name, string text, ListEventsQuery query)
    {
        foreach (var (state, spelling) in LicenseEventResponse.StateSpellings)
        {
            if (string.Equals(text, spelling, StringComparison.Ordinal))
            {
                query.Query = query.Query with { State = state };
                return;
            }
        }

        reader.Add(reader.Describe.ValueNotAllowed(name, [.. LicenseEventResponse.StateSpellings.Values]));
    }
}
