namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.CreateAsync"/> did.</summary>
public enum LicenseCreateOutcome
{
    /// <summary>The license was inserted.</summary>
    Created,

    /// <summary>Nothing was written: the idempotency key exists; the result carries the license it created and its request hash.</summary>
    IdempotencyKeyExists,

    /// <summary>Nothing was written: the normalized key is taken within the business.</summary>
    DuplicateKey,

    /// <summary>Nothing was written: the license id is taken.</summary>
    DuplicateId,
}
