using FluentAssertions;
using LicenseKit.Samples.Api.Data;
using Microsoft.EntityFrameworkCore;
using NUnit.Framework;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample's migrations are what a host copies, so they must describe LicenseKit's model exactly: a model change
/// without a regenerated migration (for either provider) fails here, before a host's <c>dotnet ef</c> finds it.
/// </summary>
public sealed class SampleMigrationsTests
{
    [Test]
    public void SqliteMigrations_MatchTheModel()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse(
            "the SQLite snapshot must equal UseLicenseKit()'s model; regenerate with dotnet ef migrations add");
    }

    [Test]
    public void PostgresMigrations_MatchTheModel()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse(
            "the PostgreSQL snapshot must equal UseLicenseKit()'s model; regenerate with dotnet ef migrations add");
    }
}
