using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>The handlers of the client-facing endpoints: activate, deactivate, validate, heartbeat.</summary>
internal static class ActivationEndpoints
{
    public static async Task<IResult> ActivateAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBodyReader.ReadAsync<ActivateBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await activator.ActivateAsync(body!.ToRequest(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new JsonResponse<ActivationResponse>(ActivationResponse.From(result.Value), LicenseKitHttpJsonContext.Default.ActivationResponse)
            : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> DeactivateAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBodyReader.ReadAsync<DeactivateBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await activator.DeactivateAsync(body!.ToRequest(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> HeartbeatAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBodyReader.ReadAsync<HeartbeatBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await activator.HeartbeatAsync(body!.ToRequest(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new JsonResponse<ActivationResponse>(ActivationResponse.From(result.Value), LicenseKitHttpJsonContext.Default.ActivationResponse)
            : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> ValidateAsync(
        HttpContext http, [FromServices] ILicenseActivator activator, [FromServices] IOptions<LicenseKitOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBodyReader.ReadAsync<ValidateBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await activator.ValidateAsync(body!.ToRequest(), cancellationToken).ConfigureAwait(false);
        var entitlements = result.Entitlements.Count == 0 ? null : result.Entitlements.ToArray();
        return options.Value.DiscloseCustomerDataToKeyHolders
            ? new JsonResponse<ValidationResponse<License>>(
                new ValidationResponse<License>(result.Valid, result.Code, result.License, result.SignedLicense, entitlements),
                LicenseKitHttpJsonContext.Default.DetailedValidationResponse)
            : new JsonResponse<ValidationResponse<KeyHolderLicense>>(
                new ValidationResponse<KeyHolderLicense>(result.Valid, result.Code, result.License is { } license ? KeyHolderLicense.From(license) : null, result.SignedLicense, entitlements),
                KeyHolderValidationJsonConverter.TypeInfo);
    }
}
