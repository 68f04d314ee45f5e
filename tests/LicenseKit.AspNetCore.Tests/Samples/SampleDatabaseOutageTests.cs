using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using LicenseKit.Samples.Api.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample while its database cannot serve: a 503 problem with the configured Retry-After (never a bare 500), an
/// unhealthy /healthz, and normal answers again once the database is back, in the same host.
/// </summary>
public sealed class SampleDatabaseOutageTests
{
    private const string Table = LicenseKitModelBuilderExtensions.LicensesTable;

    private static readonly Dictionary<string, string> FastFailure = new()
    {
        ["Database:MaxPoolSize"] = "2",
        ["Database:ConnectTimeoutSeconds"] = "1",
        ["Database:MaxRetryCount"] = "1",
        ["Database:MaxRetryDelaySeconds"] = "1",
        ["Database:RetryAfterSeconds"] = "7",
    };

    [Test]
    public async Task Postgres_PoolExhausted_Answers503WithRetryAfter_AndRecoversWhenConnectionsReturn()
    {
        await using var sample = await SampleHost.StartAsync(SampleStore.Postgres, FastFailure);
        using var app = sample.Client("pk_test_acme");
        using var anonymous = sample.Client(null);
        var pool = sample.Factory.Services.GetRequiredService<NpgsqlDataSource>();

        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < 2; i++)
        {
            held.Add(await pool.OpenConnectionAsync());
        }

        HttpResponseMessage starved, unhealthy;
        try
        {
            // EF's retrying strategy waits for the pool, retries once, and gives up with RetryLimitExceededException.
            starved = await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""));
            unhealthy = await anonymous.GetAsync("/healthz");
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        (await starved.ShouldBeRetryLaterProblemAsync(HttpStatusCode.ServiceUnavailable, SampleProblems.DatabaseUnavailable)).Should().Be(7);
        unhealthy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Sqlite_FileUnreachable_Answers503WithRetryAfter_AndRecoversWhenItIsBack()
    {
        await using var sample = await SampleHost.StartAsync(SampleStore.Sqlite, FastFailure);
        using var app = sample.Client("pk_test_acme");
        using var anonymous = sample.Client(null);
        var moved = sample.DatabasePath + ".away";

        // Pooled connections keep a file open; drop them, then take the folder away so a new connection cannot open it.
        SqliteConnection.ClearAllPools();
        Directory.Move(sample.DatabasePath, moved);
        HttpResponseMessage unreachable, unreachableForHtml, unhealthy;
        try
        {
            unreachable = await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""));
            using var html = new HttpRequestMessage(HttpMethod.Post, "/licenses/validate") { Content = TestApi.Json("""{"license_key":"NOPE"}""") };
            html.Headers.Accept.ParseAdd("text/html");
            unreachableForHtml = await app.SendAsync(html);
            unhealthy = await anonymous.GetAsync("/healthz");
        }
        finally
        {
            Directory.Move(moved, sample.DatabasePath);
        }

        (await unreachable.ShouldBeRetryLaterProblemAsync(HttpStatusCode.ServiceUnavailable, SampleProblems.DatabaseUnavailable)).Should().Be(7);
        // A client that refuses JSON gets no body, but still the status and when to retry.
        unreachableForHtml.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        unreachableForHtml.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        unhealthy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Postgres_PooledConnectionsKilledByTheServer_AreRetriedOnFreshOnes_WithoutAnError()
    {
        await using var sample = await SampleHost.StartAsync(SampleStore.Postgres);
        using var app = sample.Client("pk_test_acme");
        (await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);

        // What a failover or a server restart does to idle pooled connections: the next command on each one fails.
        int killed;
        await using (var admin = new NpgsqlConnection(sample.DatabasePath))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                """
                WITH others AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int FROM others
                """, admin);
            killed = (int)(await kill.ExecuteScalarAsync())!;
        }

        var after = await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""));

        killed.Should().BeGreaterThan(0);
        after.StatusCode.Should().Be(HttpStatusCode.OK, "EF Core's retrying strategy repeats the lookup on a new connection");
    }

    [Test]
    public async Task Postgres_UnexpectedDatabaseError_Answers500Problem_WithTraceIdAndNoDetails()
    {
        await using var sample = await SampleHost.StartAsync(SampleStore.Postgres);
        using var app = sample.Client("pk_test_acme");
        await using (var admin = new NpgsqlConnection(sample.DatabasePath))
        {
            // Not an outage but a bug-shaped failure (relation does not exist): no retry helps, so no 503.
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"ALTER TABLE {Table} RENAME TO {Table}_gone", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var failed = await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""));

        var problem = await failed.ShouldBeHostProblemAsync(HttpStatusCode.InternalServerError);
        failed.Headers.RetryAfter.Should().BeNull();
        problem.GetRawText().Should().NotContain(Table).And.NotContain("Exception");
    }
}
