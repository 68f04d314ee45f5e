using System.Net;
using System.Text;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>Every message a problem carries comes from the host's <see cref="LicenseErrorDescriber"/>, the HTTP layer's own included.</summary>
public sealed class ProblemsTests
{
    private const string Translated = "übersetzt: ";

    public static IEnumerable<TestCaseData> BadRequests()
    {
        TestCaseData Case(string name, Func<TestApi, Task<HttpResponseMessage>> send, HttpStatusCode status, string code) =>
            new TestCaseData(send, status, code).SetName($"Problem_FromAHostDescriber_{name}");

        yield return Case("UnknownField", api => api.Client.PostAsync("/licenses/validate", Json("""{"license_key":"ABCD-EFGH-JKMN","nope":1}""")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.UnknownField);
        yield return Case("InvalidJson", api => api.Client.PostAsync("/licenses/validate", Json("""{"license_key":""")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.InvalidJson);
        yield return Case("NotAnObject", api => api.Client.PostAsync("/licenses/validate", Json("[]")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.InvalidJson);
        yield return Case("NoBody", api => api.Client.PostAsync("/licenses/validate", Json("")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.RequestBodyRequired);
        yield return Case("NotJson", api => api.Client.PostAsync("/licenses/validate", new StringContent("""{"license_key":"A"}""", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, LicenseHttpErrorCodes.UnsupportedMediaType);
        yield return Case("TooLarge", api => api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{new string('A', LicenseKitHttpLimits.MaxRequestBodyBytes)}}"}""")), HttpStatusCode.RequestEntityTooLarge, LicenseHttpErrorCodes.RequestBodyTooLarge);
        yield return Case("WrongType", api => api.Client.PostAsync("/licenses/validate", Json("""{"license_key":5}""")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("LoneSurrogate", api => api.Client.PostAsync("/licenses/validate", Json("""{"license_key":"\ud800"}""")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("MetadataValueNotString", api => api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c","metadata":{"a":1}}""")), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("FarOutOfRange", api => api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c","activations_limit":99999999999}""")), HttpStatusCode.BadRequest, LicenseErrorCodes.FieldOutOfRange);
        yield return Case("BadStatus", api => api.Admin.PatchAsync("/licenses/lic_1", Json("""{"status":"GONE"}""")), HttpStatusCode.BadRequest, LicenseErrorCodes.FieldOutOfRange);
        yield return Case("LicenseNotFound", api => api.Admin.GetAsync("/licenses/lic_missing"), HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
        yield return Case("IfMatchInvalid", api => api.Admin.SendAsync(IfMatch("garbage")), HttpStatusCode.PreconditionFailed, LicenseErrorCodes.ConcurrencyConflict);
        yield return Case("QueryNotAnInteger", api => api.Admin.GetAsync("/licenses?page_size=ten"), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("QueryNotATimestamp", api => api.Admin.GetAsync("/licenses?created_from=yesterday"), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("QueryNotOneOf", api => api.Admin.GetAsync("/licenses?archived=maybe"), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("QueryStatus", api => api.Admin.GetAsync("/licenses?status=GONE"), HttpStatusCode.BadRequest, LicenseErrorCodes.FieldOutOfRange);
        yield return Case("QueryRepeated", api => api.Admin.GetAsync("/licenses?status=ACTIVE&status=REVOKED"), HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        yield return Case("BusinessNotResolved", api => api.CreateClient(null).PostAsync("/licenses/validate", Json("""{"license_key":"ABCD-EFGH-JKMN"}""")), HttpStatusCode.Unauthorized, LicenseHttpErrorCodes.BusinessNotResolved);
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Problem_FromAHostDescriber_CarriesItsMessage(Func<TestApi, Task<HttpResponseMessage>> send, HttpStatusCode status, string code)
    {
        await using var api = await StartWithTranslationsAsync();

        var problem = await (await send(api)).ShouldBeProblemAsync(status, code);

        problem.GetProperty("detail").GetString().Should().StartWith(Translated);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("detail").GetString()).Should().OnlyContain(d => d!.StartsWith(Translated, StringComparison.Ordinal));
    }

    [Test]
    public async Task Problem_WithSeveralErrors_TakesItsSummaryFromTheHostDescriber()
    {
        await using var api = await StartWithTranslationsAsync();

        var problem = await (await api.Admin.GetAsync("/licenses?nope=1&page_size=ten")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.UnknownField);

        problem.GetProperty("detail").GetString().Should().Be($"{Translated}2 Fehler");
        problem.Errors().Should().Equal((LicenseHttpErrorCodes.UnknownField, "nope"), (LicenseHttpErrorCodes.FieldInvalidType, "page_size"));
    }

    private static HttpRequestMessage IfMatch(string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "/licenses/lic_1") { Content = Json("{}") };
        request.Headers.TryAddWithoutValidation("If-Match", value);
        return request;
    }

    private static Task<TestApi> StartWithTranslationsAsync() =>
        StartAsync(services => services.AddSingleton<LicenseErrorDescriber, TranslatingDescriber>(), authorizeActivation: false);

    /// <summary>A host's describer: prefixes each message the HTTP layer can produce, keeping codes and fields.</summary>
    private sealed class TranslatingDescriber : LicenseErrorDescriber
    {
        public override LicenseError UnknownField(string field) => T(base.UnknownField(field));

        public override LicenseError InvalidJson(string reason) => T(base.InvalidJson(reason));

        public override LicenseError RequestBodyNotObject() => T(base.RequestBodyNotObject());

        public override LicenseError RequestBodyRequired() => T(base.RequestBodyRequired());

        public override LicenseError RequestBodyUnreadable(string reason) => T(base.RequestBodyUnreadable(reason));

        public override LicenseError UnsupportedMediaType() => T(base.UnsupportedMediaType());

        public override LicenseError RequestBodyTooLarge(int maxBytes) => T(base.RequestBodyTooLarge(maxBytes));

        public override LicenseError FieldInvalidType(string field, LicenseFieldKind expected, JsonValueKind given) => T(base.FieldInvalidType(field, expected, given));

        public override LicenseError FieldNotUnicode(string field) => T(base.FieldNotUnicode(field));

        public override LicenseError FieldValueNotString(string field, string entry) => T(base.FieldValueNotString(field, entry));

        public override LicenseError FieldFarOutOfRange(string field) => T(base.FieldFarOutOfRange(field));

        public override LicenseError InvalidStatus(string field) => T(base.InvalidStatus(field));

        public override LicenseError LicenseNotFound() => T(base.LicenseNotFound());

        public override LicenseError IfMatchInvalid() => T(base.IfMatchInvalid());

        public override LicenseError QueryValueInvalid(string field, LicenseFieldKind expected) => T(base.QueryValueInvalid(field, expected));

        public override LicenseError FieldNotOneOf(string field, IReadOnlyList<string> allowed) => T(base.FieldNotOneOf(field, allowed));

        public override LicenseError FieldRepeated(string name, string field) => T(base.FieldRepeated(name, field));

        public override LicenseError BusinessNotResolved() => T(base.BusinessNotResolved());

        public override string SeveralErrors(int count, LicenseError first) => $"{Translated}{count} Fehler";

        private static LicenseError T(LicenseError error) => error with { Description = Translated + error.Description };
    }
}
