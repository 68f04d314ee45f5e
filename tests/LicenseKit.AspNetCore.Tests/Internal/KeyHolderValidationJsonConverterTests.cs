using System.Buffers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using LicenseKit.Internal;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>
/// The validation answer's own writer against the contract's serializer, on every shape of the answer: each code and
/// status, absent and present optional fields, text that must be escaped, timestamps finer than a millisecond.
/// </summary>
public class KeyHolderValidationJsonConverterTests
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero).AddTicks(9_999);

    private static IEnumerable<ValidationResponse<KeyHolderLicense>> Answers()
    {
        var licenses = new List<KeyHolderLicense?> { null };
        foreach (var status in Enum.GetValues<LicenseStatus>())
        {
            licenses.Add(License() with { Status = status });
        }

        licenses.Add(License() with { ActivationsLimit = null, DurationHours = null, ExpiresAt = null, ActivationMessage = null });
        licenses.Add(License() with { ActivationsLimit = 0, DurationHours = int.MaxValue, InstancesCount = int.MaxValue, Archived = true });
        licenses.Add(License() with
        {
            Id = "lic_\"quoted\"",
            Key = "K\\EY-<script>&'",
            BusinessId = "biz_ünïcødé_😀",
            ProductId = "prod_\u0001\t\n",
            ActivationMessage = "Thank you! <b>\"Pro\"</b> — ✓ & 'welcome'",
            ExpiresAt = DateTimeOffset.MaxValue,
            UpdatedAt = new DateTimeOffset(2026, 5, 18, 11, 45, 37, 166, TimeSpan.FromHours(2)),
        });

        IReadOnlyList<string>?[] entitlements = [null, [], ["export"], ["export", "sso<saml>", "ü\"q\""]];
        string?[] signedLicenses = [null, "eyJhbGciOiJFZERTQSJ9.e30.c2ln", "t\"o<k>en"];
        foreach (var code in Enum.GetValues<LicenseValidationCode>())
        {
            foreach (var license in licenses)
            {
                foreach (var granted in entitlements)
                {
                    foreach (var signed in signedLicenses)
                    {
                        yield return new ValidationResponse<KeyHolderLicense>(code == LicenseValidationCode.Valid, code, license, signed, granted);
                    }
                }
            }
        }
    }

    private static KeyHolderLicense License() => new()
    {
        Id = "lic_hyQQhhNzfEuvv",
        Key = "A184-99C2-8CBE",
        Status = LicenseStatus.Active,
        BusinessId = "biz_345TUESrCDPvrb",
        ProductId = "prod_hyQQhhNzfEuvv",
        ActivationsLimit = 3,
        ActivationMessage = "Thank you! Your license is now active.",
        InstancesCount = 1,
        DurationHours = 720,
        ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Archived = false,
        CreatedAt = Created,
        UpdatedAt = Created.AddDays(7),
    };

    [Test]
    public void EveryAnswer_IsWrittenAsTheContractsSerializerWritesIt()
    {
        var count = 0;
        foreach (var answer in Answers())
        {
            var expected = Write(answer, LicenseKitHttpJsonContext.Default.KeyHolderValidationResponse);

            Write(answer, KeyHolderValidationJsonConverter.TypeInfo).Should().Be(expected);
            count++;
        }

        count.Should().Be(Enum.GetValues<LicenseValidationCode>().Length * (1 + Enum.GetValues<LicenseStatus>().Length + 3) * 4 * 3);
    }

    [Test]
    public void TheAnswer_CannotBeReadThroughIt()
    {
        var read = () => System.Text.Json.JsonSerializer.Deserialize("""{"valid":true}""", KeyHolderValidationJsonConverter.TypeInfo);

        read.Should().Throw<NotSupportedException>();
    }

    // As the endpoint writes: through the response writer the endpoints share.
    private static string Write(ValidationResponse<KeyHolderLicense> answer, JsonTypeInfo<ValidationResponse<KeyHolderLicense>> typeInfo)
    {
        var output = new ArrayBufferWriter<byte>();
        JsonResponseWriter.Write(output, answer, typeInfo);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
