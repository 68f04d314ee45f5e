using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>Problems go through the host's problem details service, and an unresolvable business is a 401 problem.</summary>
public sealed class LicenseProblemResultTests
{
    [Test]
    public async Task Problem_WhenTheHostAddsProblemDetails_AppliesItsCustomisationAndKeepsCodeErrorsAndTraceId()
    {
        await using var api = await StartAsync(services => services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["region"] = "eu-west"));

        var response = await api.Admin.PostAsync("/licenses", Json("""{"customer_id":"c","activations_limit":"3"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        problem.GetProperty("region").GetString().Should().Be("eu-west");
        problem.Errors().Should().Equal((LicenseHttpErrorCodes.FieldInvalidType, "activations_limit"));
        problem.GetProperty("instance").GetString().Should().Be("/licenses");
    }

    [Test]
    public async Task Problem_WithoutHostProblemDetails_StillCarriesTraceIdCodeAndErrors()
    {
        await using var api = await StartAsync();

        var response = await api.Client.PostAsync("/licenses/validate", Json("""{"fingerprint":"fp"}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired)).Errors()
            .Should().Equal((LicenseErrorCodes.FieldRequired, "license_key"));
    }

    [Test]
    public async Task ActivationGroupWithoutAuthorization_UnderBusinessFromClaim_AnonymousCallIs401ProblemOnEveryEndpoint()
    {
        await using var api = await StartAsync(authorizeActivation: false);
        using var anonymous = api.CreateClient(null);

        foreach (var path in new[] { "/licenses/activate", "/licenses/deactivate", "/licenses/validate", "/licenses/heartbeat" })
        {
            var response = await anonymous.PostAsync(path, Json("""{"license_key":"ABCD-EFGH","name":"pc","license_key_instance_id":"lki_1"}"""));

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, LicenseHttpErrorCodes.BusinessNotResolved);
        }
    }
}
