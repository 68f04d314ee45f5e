namespace LicenseKit.Client.Internal;

// The bodies of the activation endpoints (LicenseKit.AspNetCore, docs/http.md) as the client sends and reads them, and the
// stored file. Names are snake_cased by LicenseClientJsonContext; members the client does not need are not declared.

/// <summary>The body of <c>POST …/activate</c>.</summary>
internal sealed record ActivateRequest(string LicenseKey, string Name, string? Fingerprint);

/// <summary>The answer of <c>POST …/activate</c>.</summary>
internal sealed record ActivateResponse(string? Id, string? ActivationMessage, string? SignedLicense, bool SignedLicenseUnavailable = false);

/// <summary>The body of <c>POST …/validate</c>.</summary>
internal sealed record ValidateRequest(string LicenseKey, string? LicenseKeyInstanceId, string? Fingerprint);

/// <summary>The answer of <c>POST …/validate</c>.</summary>
internal sealed record ValidateResponse(bool Valid, string? Code, string? SignedLicense);

/// <summary>The body of <c>POST …/deactivate</c>.</summary>
internal sealed record DeactivateRequest(string LicenseKey, string LicenseKeyInstanceId);

/// <summary>An RFC 9457 problem as LicenseKit's endpoints write it: the stable code of the first error and a detail.</summary>
internal sealed record ProblemResponse(string? Code, string? Detail);

/// <summary>The file <see cref="FileLicenseTokenStorage"/> writes.</summary>
internal sealed record StoredLicenseFile(string? Token, DateTimeOffset LastVerifiedAt);
