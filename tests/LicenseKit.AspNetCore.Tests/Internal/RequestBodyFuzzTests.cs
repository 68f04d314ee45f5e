using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>
/// Throws 1,000 broken bodies at the writing endpoints: truncations, wrong types, huge numbers, unknown enum values and
/// fields, deep nesting, invalid UTF-8, lone surrogates, control characters, oversized strings and random bytes. Every
/// one must be refused with a 4xx problem and leave the store exactly as it was.
/// </summary>
public sealed class RequestBodyFuzzTests
{
    private const int Iterations = 1000;

    private static readonly string[] WrongStringValues = ["123", "true", "[]", "{}", "1.5", "[\"a\"]", "{\"a\":\"b\"}"];
    private static readonly string[] WrongIntegerValues = ["\"3\"", "true", "[]", "{}", "3.5", "\"\"", "1e3", "[3]"];
    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "99999999999999999999999", "2147483648", "-2147483649", "-99999999999", "123456789012345678901234567890"];
    private static readonly string[] WrongMetadataValues = ["\"x\"", "[1]", "{\"a\":1}", "5", "{\"a\":null}", "{\"a\":[\"b\"]}", "true"];

    [Test]
    public async Task WritingEndpoints_With1000MutatedOrRandomBodies_Return4xxAndLeaveTheStoreUnchanged()
    {
        await using var api = await StartAsync();
        var license = await (await api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_fuzz","customer_id":"cust_fuzz","activations_limit":10}"""))).ReadJsonAsync();
        var key = license.GetProperty("key").GetString()!;
        var id = license.GetProperty("id").GetString()!;
        var instance = await (await api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{key}}","name":"seed","fingerprint":"fp-seed"}"""))).ReadJsonAsync();
        var instanceId = instance.GetProperty("id").GetString()!;

        var targets = new Target[]
        {
            new(HttpMethod.Post, "/licenses", api.Admin, [
                ("product_id", "\"prod_hyQQhhNzfEuvv\"", Kind.String), ("customer_id", "\"cust_3r2FgHXp9\"", Kind.String),
                ("activations_limit", "3", Kind.Integer), ("duration_hours", "720", Kind.Integer), ("key", "\"FUZZ-0001\"", Kind.String),
                ("metadata", "{\"plan\":\"pro\"}", Kind.Metadata)]),
            new(HttpMethod.Patch, $"/licenses/{id}", api.Admin, [
                ("status", "\"DISABLED\"", Kind.Status), ("activations_limit", "5", Kind.Integer), ("activation_message", "\"hi\"", Kind.String),
                ("metadata", "{\"plan\":\"pro\"}", Kind.Metadata), ("archived", "true", Kind.Boolean), ("expires_at", "\"2027-01-01T00:00:00Z\"", Kind.Timestamp)]),
            new(HttpMethod.Post, "/licenses/activate", api.Client, [
                ("license_key", $"\"{key}\"", Kind.String), ("name", "\"laptop\"", Kind.String), ("fingerprint", "\"fp-new\"", Kind.String)]),
            new(HttpMethod.Post, "/licenses/deactivate", api.Client, [
                ("license_key", $"\"{key}\"", Kind.String), ("license_key_instance_id", $"\"{instanceId}\"", Kind.String)]),
            new(HttpMethod.Post, "/licenses/heartbeat", api.Client, [
                ("license_key", $"\"{key}\"", Kind.String), ("license_key_instance_id", $"\"{instanceId}\"", Kind.String)]),
        };

        var before = await api.SnapshotAsync(BusinessA);
        var random = new Random(20260511);
        var failures = new List<string>();
        for (var i = 0; i < Iterations; i++)
        {
            var target = targets[random.Next(targets.Length)];
            var (description, body, contentType) = Mutate(random, target);
            using var request = new HttpRequestMessage(target.Method, target.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            var response = await target.Client.SendAsync(request);
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if ((int)response.StatusCode is < 400 or >= 500 || !isProblem)
            {
                failures.Add($"#{i} {target.Method} {target.Url} {description}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}");
            }
        }

        failures.Should().BeEmpty();
        (await api.SnapshotAsync(BusinessA)).Should().Be(before);
    }

    private static (string Description, byte[] Body, string ContentType) Mutate(Random random, Target target)
    {
        var fields = target.Fields.Select(f => (f.Name, f.Value)).ToList();
        var pick = random.Next(fields.Count);
        var (name, _, kind) = target.Fields[pick];
        switch (random.Next(12))
        {
            case 0:
                var full = Serialize(fields);
                return ("truncated", Encoding.UTF8.GetBytes(full[..random.Next(0, full.Length)]), "application/json");
            case 1:
                fields[pick] = (name, WrongValue(random, kind));
                return ($"wrong type of {name}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 2:
                var integer = target.Fields.FirstOrDefault(f => f.Kind == Kind.Integer);
                var numberField = integer.Name ?? name;
                fields[fields.FindIndex(f => f.Name == numberField)] = (numberField, HugeNumbers[random.Next(HugeNumbers.Length)]);
                if (integer.Name is null)
                {
                    return ("huge number in a string field", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
                }

                return ($"huge {numberField}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 3:
                var status = target.Fields.Any(f => f.Kind == Kind.Status) ? "status" : "state";
                fields.RemoveAll(f => f.Name == status);
                fields.Add((status, $"\"{RandomWord(random)}\""));
                return ("unknown enum value or field", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 4:
                var depth = random.Next(LicenseKitHttpLimits.MaxJsonDepth, 5000);
                fields[pick] = (name, new string('[', depth) + new string(']', depth));
                return ($"nesting {depth} in {name}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 5:
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return ("random bytes", bytes, "application/json");
            case 6:
                var json = Serialize(fields);
                var at = json.IndexOf(':', StringComparison.Ordinal) + 2;
                var invalid = Encoding.UTF8.GetBytes(json[..at]).Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes(json[at..])).ToArray();
                return ("invalid UTF-8", invalid, "application/json");
            case 7:
                var stringField = target.Fields.First(f => f.Kind == Kind.String).Name;
                fields[fields.FindIndex(f => f.Name == stringField)] = (stringField, random.Next(2) == 0 ? "\"\\uD800x\"" : "\"a\\u0000b\"");
                return ($"lone surrogate or NUL in {stringField}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 8:
                var longField = target.Fields.First(f => f.Kind == Kind.String).Name;
                fields[fields.FindIndex(f => f.Name == longField)] = (longField, $"\"{new string('x', random.Next(300, 3000))}\"");
                fields.Add((longField == "name" ? "fingerprint" : "unknown_field", "\"x\""));
                return ($"overlong {longField}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 9:
                fields.Add(fields[pick]);
                return ($"duplicate {name}", Encoding.UTF8.GetBytes(Serialize(fields)), "application/json");
            case 10:
                return ("not JSON media type", Encoding.UTF8.GetBytes(Serialize(fields)), random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
            default:
                var garbage = new[] { "null", "[]", "\"text\"", "42", "true", "{\"a\":}", "{,}", "{\"product_id\" \"x\"}", "\uFEFF{", "{}}" };
                return ("non-object or broken JSON", Encoding.UTF8.GetBytes(garbage[random.Next(garbage.Length)]), "application/json");
        }
    }

    private static string WrongValue(Random random, Kind kind) => kind switch
    {
        Kind.String => WrongStringValues[random.Next(WrongStringValues.Length)],
        Kind.Integer => WrongIntegerValues[random.Next(WrongIntegerValues.Length)],
        Kind.Metadata => WrongMetadataValues[random.Next(WrongMetadataValues.Length)],
        Kind.Boolean => random.Next(3) switch { 0 => "null", 1 => "\"true\"", _ => "1" },
        Kind.Timestamp => random.Next(3) switch { 0 => "\"yesterday\"", 1 => "12345", _ => "\"2027-13-45T99:00:00Z\"" },
        _ => random.Next(2) == 0 ? "null" : "1",
    };

    private static string RandomWord(Random random)
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        var chars = new char[random.Next(1, 20)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        var word = new string(chars);
        return word is "ACTIVE" or "DISABLED" or "REVOKED" ? word + "X" : word;
    }

    private static string Serialize(List<(string Name, string Value)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Value}")) + "}";

    private enum Kind
    {
        String,
        Integer,
        Metadata,
        Status,
        Boolean,
        Timestamp,
    }

    private sealed record Target(HttpMethod Method, string Url, HttpClient Client, (string Name, string Value, Kind Kind)[] Fields);
}
