namespace LicenseKit.Samples.Api.Tests;

/// <summary>A fixture whose tests share one <see cref="PrivatePostgres"/> cluster, started before the first test and stopped after the last.</summary>
public abstract class PrivatePostgresFixture
{
    /// <summary>The fixture's cluster.</summary>
    protected PrivatePostgres Postgres { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartPostgres() => Postgres = await PrivatePostgres.StartAsync();

    [OneTimeTearDown]
    public async Task StopPostgres()
    {
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
