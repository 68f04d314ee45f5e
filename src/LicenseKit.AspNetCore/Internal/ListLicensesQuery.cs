using LicenseKit.Serialization;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>The query string of <c>GET /licenses</c>: filters, page size and cursor.</summary>
internal sealed class ListLicensesQuery
{
    private const string ArchivedFalse = "false", ArchivedTrue = "true", ArchivedAll = "all";

    public static IReadOnlyList<QueryParameter<ListLicensesQuery>> Parameters { get; } =
    [
        new("product_id", LicenseFieldKind.String, (_, _, text, q) => q.Query = q.Query with { ProductId = text }),
        new("customer_id", LicenseFieldKind.String, (_, _, text, q) => q.Query = q.Query with { CustomerId = text }),
        new("status", LicenseFieldKind.Status, ReadStatus),
        new("archived", LicenseFieldKind.String, ReadArchived, ArchivedFalse, ArchivedTrue, ArchivedAll),
        new("created_from", LicenseFieldKind.Timestamp, (r, name, text, q) => q.Query = q.Query with { CreatedFrom = ReadTimestamp(r, name, text) }),
        new("created_before", LicenseFieldKind.Timestamp, (r, name, text, q) => q.Query = q.Query with { CreatedBefore = ReadTimestamp(r, name, text) }),
        new("page_size", LicenseFieldKind.Integer, ReadPageSize),
        new("cursor", LicenseFieldKind.String, (_, _, text, q) => q.Query = q.Query with { Cursor = text }),
    ];

    public LicenseQuery Query { get; private set; } = new();

    /// <summary>Reads every parameter; an unknown one is refused so a misspelt filter never silently lists everything.</summary>
    public static (ListLicensesQuery Query, IReadOnlyList<LicenseError>? Errors) Read(IQueryCollection values, LicenseErrorDescriber describe)
    {
        var query = new ListLicensesQuery();
        return (query, QueryParameter<ListLicensesQuery>.ReadAll(Parameters, values, describe, query));
    }

    private static void ReadStatus(FieldReader reader, string name, string text, ListLicensesQuery query)
    {
        if (LicenseWireFormat.TryParseStatus(text, out var status))
        {
            query.Query = query.Query with { Status = status };
        }
        else
        {
            reader.Add(reader.Describe.InvalidStatus(name));
        }
    }

    private static void ReadArchived(FieldReader reader, string name, string text, ListLicensesQuery query)
    {
        switch (text)
        {
            case ArchivedFalse:
                break;
            case ArchivedTrue:
                query.Query = query.Query with { Archived = true };
                break;
            case ArchivedAll:
                query.Query = query.Query with { Archived = null };
                break;
            default:
                reader.Add(reader.Describe.FieldNotOneOf(name, [ArchivedTrue, ArchivedFalse, ArchivedAll]));
                break;
        }
    }

    private static void ReadPageSize(FieldReader reader, string name, string text, ListLicensesQuery query)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            query.Query = query.Query with { PageSize = size };
        }
        else
        {
            reader.Add(reader.Describe.QueryValueInvalid(name, LicenseFieldKind.Integer));
        }
    }

    private static DateTimeOffset? ReadTimestamp(FieldReader reader, string name, string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return timestamp;
        }

        reader.Add(reader.Describe.QueryValueInvalid(name, LicenseFieldKind.Timestamp));
        return null;
    }
}
