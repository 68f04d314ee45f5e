using LicenseKit.Webhooks.Tests.Support;

namespace LicenseKit.Webhooks.Tests;

public class LicenseEventTypesTests
{
    private static IEnumerable<TestCaseData> Events()
    {
        yield return new TestCaseData(TestEvents.Issued(), "license_key.created");
        yield return new TestCaseData(TestEvents.Updated(), "license_key.updated");
        yield return new TestCaseData(TestEvents.StatusChanged(), "license_key.status_changed");
        yield return new TestCaseData(TestEvents.Activated(), "license_key.activated");
        yield return new TestCaseData(TestEvents.Deactivated(), "license_key.deactivated");
        yield return new TestCaseData(TestEvents.ValidationFailed(null), "license_key.validation_failed");
    }

    [TestCaseSource(nameof(Events))]
    public void Of_NamesEachEventInTheSeedPlatformsStyle(LicenseEvent licenseEvent, string expected)
    {
        LicenseEventTypes.Of(licenseEvent).Should().Be(expected);
    }

    [Test]
    public void All_ListsEachTypeOnceInTheAllowedCharacters()
    {
        LicenseEventTypes.All.Should().OnlyHaveUniqueItems().And.HaveCount(Events().Count());
        LicenseEventTypes.All.Should().OnlyContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^[a-z_]+(\\.[a-z_]+)+$"));
    }

    [Test]
    public void Of_AnEventTypeItDoesNotKnow_Throws()
    {
        var act = () => LicenseEventTypes.Of(new UnknownEvent { EventId = "evt_1", BusinessId = "biz_1", OccurredAt = TestEvents.Now });

        act.Should().Throw<ArgumentException>().WithMessage("No webhook event type is defined for UnknownEvent.*");
    }

    private sealed record UnknownEvent : LicenseEvent;
}
