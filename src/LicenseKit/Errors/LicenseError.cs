namespace LicenseKit;

/// <summary>
/// An expected failure: a stable machine-readable <see cref="Code"/> (one of <see cref="LicenseErrorCodes"/>),
/// the offending <see cref="Field"/> in wire (snake_case) spelling when one field is to blame, and a description for people.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>FIELD_TOO_LONG</c>.</param>
/// <param name="Description">A human-readable explanation; wording may change between versions, the code does not.</param>
/// <param name="Field">The wire name of the offending field, e.g. <c>product_id</c>, or <see langword="null"/>.</param>
public sealed record LicenseError(string Code, string Description, string? Field = null);
