using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>A list query and the indexes that may serve it in page order (any one of them).</summary>
public sealed record ListPlanCase(string Name, LicenseKeysetQuery Query, string[] Indexes)
{
    public override string ToString() => Name;
}
