using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LicenseKit.Internal;

/// <summary>The handlers of the client-facing endpoints: activate, deactivate, validate.</summary>
internal static class ActivationEndpoints
{
    public static async Task<IResult> ActivateAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return Problems.From(http, bodyError);
        }

        using var body = document;
        var fields = new FieldReader();
        string? licenseKey = null, name = null, fingerprint = null;
        foreach (var property in body!.RootElement.EnumerateObject())
        {
            _ = property.Name switch
            {
                "license_key" => fields.TryString(property, out licenseKey),
                "name" => fields.TryString(property, out name),
                "fingerprint" => fields.TryString(property, out fingerprint),
                _ => Unknown(fields, property.Name),
            };
        }

        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await activator.ActivateAsync(
            new ActivateLicenseRequest { LicenseKey = licenseKey ?? string.Empty, Name = name ?? string.Empty, Fingerprint = fingerprint },
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Problems.From(http, result.Errors);
        }

        var activation = result.Value;
        var response = new ActivationResponse
        {
            Id = activation.Instance.Id,
            BusinessId = activation.Instance.BusinessId,
            LicenseKeyId = activation.Instance.LicenseId,
            Name = activation.Instance.Name,
            Fingerprint = activation.Instance.Fingerprint,
            CreatedAt = activation.Instance.CreatedAt,
            ActivationMessage = activation.ActivationMessage,
            SignedLicense = activation.SignedLicense,
        };
        return TypedResults.Json(response, LicenseKitHttpJsonContext.Default.ActivationResponse);
    }

    public static async Task<IResult> DeactivateAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return Problems.From(http, bodyError);
        }

        using var body = document;
        var fields = new FieldReader();
        string? licenseKey = null, instanceId = null;
        foreach (var property in body!.RootElement.EnumerateObject())
        {
            _ = property.Name switch
            {
                "license_key" => fields.TryString(property, out licenseKey),
                "license_key_instance_id" => fields.TryString(property, out instanceId),
                _ => Unknown(fields, property.Name),
            };
        }

        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await activator.DeactivateAsync(
            new DeactivateLicenseRequest { LicenseKey = licenseKey ?? string.Empty, LicenseKeyInstanceId = instanceId ?? string.Empty },
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> ValidateAsync(HttpContext http, [FromServices] ILicenseActivator activator, CancellationToken cancellationToken)
    {
        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return Problems.From(http, bodyError);
        }

        using var body = document;
        var fields = new FieldReader();
        string? licenseKey = null, instanceId = null, fingerprint = null;
        foreach (var property in body!.RootElement.EnumerateObject())
        {
            _ = property.Name switch
            {
                "license_key" => fields.TryString(property, out licenseKey),
                "license_key_instance_id" => fields.TryString(property, out instanceId),
                "fingerprint" => fields.TryString(property, out fingerprint),
                _ => Unknown(fields, property.Name),
            };
        }

        // Validation answers any key with a code, but a request without one is malformed rather than "not found".
        if (string.IsNullOrWhiteSpace(licenseKey) && fields.Errors?.Any(e => e.Field == "license_key") != true)
        {
            fields.Add(LicenseErrorCodes.FieldRequired, "'license_key' is required.", "license_key");
        }

        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await activator.ValidateAsync(
            new ValidateLicenseRequest { LicenseKey = licenseKey!, LicenseKeyInstanceId = instanceId, Fingerprint = fingerprint },
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new ValidationResponse(result.Valid, result.Code, result.License, result.SignedLicense), LicenseKitHttpJsonContext.Default.ValidationResponse);
    }

    private static bool Unknown(FieldReader fields, string name)
    {
        fields.Unknown(name);
        return false;
    }
}
