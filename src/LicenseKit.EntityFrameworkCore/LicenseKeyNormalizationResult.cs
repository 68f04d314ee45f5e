namespace LicenseKit.EntityFrameworkCore;

/// <summary>What <see cref="Microsoft.EntityFrameworkCore.LicenseKitKeyNormalizationExtensions.RenormalizeLicenseKeysAsync"/> did.</summary>
/// <param name="UpdatedCount">How many licenses got a new normalized key.</param>
/// <param name="ConflictingLicenseIds">
/// Licenses whose key, normalized again, equals another key of their business (a twin that an older normalization let
/// in): they keep their old normalized key, so each stays reachable by its exact spelling.
/// </param>
public sealed record LicenseKeyNormalizationResult(int UpdatedCount, IReadOnlyList<string> ConflictingLicenseIds);
