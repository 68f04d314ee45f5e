using System.Net;
using System.Text;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests;

/// <summary>The HTTP body limit and the core's field limits are one consistent set.</summary>
public sealed class LicenseKitHttpLimitsTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Test]
    public async Task PostLicenses_AtEveryCoreLimitWithNonAsciiTextEscapedByTheDefaultSerializer_Returns201()
    {
        await using var api = await StartAsync();
        var metadata = Enumerable.Range(0, LicenseLimits.MaxMetadataEntries).ToDictionary(
            i => Cjk(LicenseLimits.MaxMetadataKeyLength - 2) + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            _ => Cjk(LicenseLimits.MaxMetadataValueLength));
        var request = new Dictionary<string, object>
        {
            ["product_id"] = Cjk(LicenseLimits.MaxIdLength),
            ["customer_id"] = Cjk(LicenseLimits.MaxIdLength),
            ["payment_id"] = Cjk(LicenseLimits.MaxIdLength),
            ["key"] = Cjk(LicenseLimits.MaxKeyLength),
            ["activation_message"] = Cjk(LicenseLimits.MaxActivationMessageLength),
            ["activations_limit"] = LicenseLimits.MaxActivationsLimit,
            ["duration_hours"] = LicenseLimits.MaxDurationHours,
            ["metadata"] = metadata,
        };

        // The default encoder writes every CJK character as \uXXXX, six bytes: the widest a client sends.
        var body = JsonSerializer.Serialize(request, Indented);
        var response = await api.Admin.PostAsync("/licenses", Json(body));

        Encoding.UTF8.GetByteCount(body).Should().BeGreaterThan(150_000).And.BeLessThanOrEqualTo(LicenseKitHttpLimits.MaxRequestBodyBytes);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("metadata").EnumerateObject().Should().HaveCount(LicenseLimits.MaxMetadataEntries);
    }

    private static string Cjk(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('\u4E00' + (i % 500));
        }
    });
}
