using System.Reflection;

namespace LicenseKit.AspNetCore.Tests;

public sealed class LicenseErrorStatusCodesTests
{
    [TestCase(LicenseErrorCodes.FieldRequired, 400)]
    [TestCase(LicenseErrorCodes.FieldTooLong, 400)]
    [TestCase(LicenseErrorCodes.FieldTooShort, 400)]
    [TestCase(LicenseErrorCodes.FieldInvalidCharacters, 400)]
    [TestCase(LicenseErrorCodes.FieldOutOfRange, 400)]
    [TestCase(LicenseErrorCodes.FieldsConflict, 400)]
    [TestCase(LicenseErrorCodes.MetadataTooManyEntries, 400)]
    [TestCase(LicenseErrorCodes.EntitlementsTooMany, 400)]
    [TestCase(LicenseErrorCodes.InvalidCursor, 400)]
    [TestCase(LicenseHttpErrorCodes.InvalidJson, 400)]
    [TestCase(LicenseHttpErrorCodes.FieldInvalidType, 400)]
    [TestCase(LicenseHttpErrorCodes.UnknownField, 400)]
    [TestCase(LicenseHttpErrorCodes.RequestBodyRequired, 400)]
    [TestCase(LicenseHttpErrorCodes.RequestBodyTooLarge, 413)]
    [TestCase(LicenseHttpErrorCodes.BusinessNotResolved, 401)]
    [TestCase(LicenseErrorCodes.LicenseNotFound, 404)]
    [TestCase(LicenseErrorCodes.LicenseKeyNotFound, 404)]
    [TestCase(LicenseErrorCodes.InstanceNotFound, 404)]
    [TestCase(LicenseErrorCodes.EventNotFound, 404)]
    [TestCase(LicenseErrorCodes.DuplicateKey, 409)]
    [TestCase(LicenseErrorCodes.IdempotencyKeyConflict, 409)]
    [TestCase(LicenseErrorCodes.ConcurrencyConflict, 409)]
    [TestCase(LicenseErrorCodes.EventNotParked, 409)]
    [TestCase(LicenseHttpErrorCodes.UnsupportedMediaType, 415)]
    [TestCase(LicenseErrorCodes.LicenseKeyLimitReached, 422)]
    [TestCase(LicenseErrorCodes.ActivationLimitLessThanCurrentAmount, 422)]
    [TestCase(LicenseErrorCodes.InvalidStatusTransition, 422)]
    [TestCase(LicenseErrorCodes.LicenseDisabled, 422)]
    [TestCase(LicenseErrorCodes.LicenseRevoked, 422)]
    [TestCase(LicenseErrorCodes.LicenseExpired, 422)]
    [TestCase(LicenseErrorCodes.LicenseArchived, 422)]
    [TestCase(LicenseErrorCodes.LeaseExpired, 422)]
    [TestCase(LicenseErrorCodes.KeyGenerationFailed, 500)]
    public void GetStatusCode_ForEachCode_ReturnsItsStatus(string code, int status) =>
        LicenseErrorStatusCodes.GetStatusCode(code).Should().Be(status);

    [Test]
    public void GetStatusCode_CoversEveryCodeTheLibraryDefines()
    {
        var tested = typeof(LicenseErrorStatusCodesTests).GetMethod(nameof(GetStatusCode_ForEachCode_ReturnsItsStatus))!
            .GetCustomAttributes<TestCaseAttribute>().Select(a => (string)a.Arguments[0]!).ToHashSet();

        var defined = new[] { typeof(LicenseErrorCodes), typeof(LicenseHttpErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!);

        defined.Should().BeSubsetOf(tested, "every code needs a deliberate status, not the fallback");
    }

    [Test]
    public void GetStatusCode_ForACodeOfALaterVersion_Returns422() =>
        LicenseErrorStatusCodes.GetStatusCode("SOMETHING_NEW").Should().Be(422);
}
