using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// The feed on PostgreSQL with real concurrent transactions: an event whose transaction is still open holds back the
/// events of later transactions, so a poller following the cursor never passes it.
/// </summary>
[TestFixture]
public sealed class PostgreSqlEventFeedTests
{
    private const string BusinessId = "biz_feed";

    [Test]
    public async Task LaterCommit_IsHeldBack_UntilTheEarlierTransactionCommits()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var host = CreateHost(database);
        var poller = new Poller(host);

        await using var earlier = await OpenTransactionAsync(host);
        var earlierLicense = await IssueAsync(earlier.Scope);
        var laterLicense = await IssueAsync(host); // its own transaction: committed, its sequence after the open one's

        (await poller.PollAsync()).Should().BeEmpty("the earlier transaction is still open");

        await earlier.Transaction.CommitAsync();
        (await poller.PollAsync()).Select(e => e.LicenseId).Should().Equal(earlierLicense, laterLicense);
        (await poller.PollAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task EventRecordedLaterInAnOlderTransaction_IsNotSkipped()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var host = CreateHost(database);
        var poller = new Poller(host);

        // The older transaction writes first (its id is the smaller), then the newer one records an event and stays open,
        // then the older records a second event (a greater sequence) and commits. Read by sequence alone, a poller would
        // take the older transaction's two events, move its cursor past the open one's event and never see it.
        await using var older = await OpenTransactionAsync(host);
        var olderFirst = await IssueAsync(older.Scope);
        await using var newer = await OpenTransactionAsync(host);
        var newerLicense = await IssueAsync(newer.Scope);
        var olderSecond = await IssueAsync(older.Scope);
        await older.Transaction.CommitAsync();

        var recorded = await poller.PollAsync();
        recorded.Select(e => e.LicenseId).Should().Equal(olderFirst, olderSecond);
        recorded[1].Sequence.Should().BeGreaterThan(await SequenceOfAsync(newer.Scope, newerLicense), "the open transaction took its sequence before");

        await newer.Transaction.CommitAsync();
        (await poller.PollAsync()).Select(e => e.LicenseId).Should().Equal(newerLicense);
    }

    [Test]
    public async Task ConcurrentWriters_APollerFollowingTheCursor_SeesEveryEventOnce()
    {
        const int Writers = 8, WritesEach = 15;
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var host = CreateHost(database);
        var poller = new Poller(host);
        var seen = new List<LicenseEventRecord>();
        using var writing = new CancellationTokenSource();

        var polling = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                seen.AddRange(await poller.PollAsync());
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, Writers * WritesEach), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (_, _) => await IssueAsync(host));
        await writing.CancelAsync();
        await polling;
        seen.AddRange(await poller.PollAsync());

        seen.Should().HaveCount(Writers * WritesEach).And.OnlyHaveUniqueItems(e => e.Id);
    }

    private static async Task<string> IssueAsync(ServiceProvider host)
    {
        await using var scope = host.CreateAsyncScope();
        return await IssueAsync(scope);
    }

    private static async Task<string> IssueAsync(AsyncServiceScope scope) =>
        (await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" })).Value!.Id;

    // Read inside the transaction that recorded it: nobody else sees the row yet.
    private static async Task<long> SequenceOfAsync(AsyncServiceScope scope, string licenseId)
    {
        var context = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        return await context.Database.SqlQuery<long>($"SELECT sequence AS \"Value\" FROM licensekit_license_events WHERE license_id = {licenseId}").SingleAsync();
    }

    private static async Task<OpenTransaction> OpenTransactionAsync(ServiceProvider host)
    {
        var scope = host.CreateAsyncScope();
        var transaction = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.BeginTransactionAsync();
        return new OpenTransaction(scope, transaction);
    }

    private static ServiceProvider CreateHost(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
            })
            .UseEntityFrameworkCore<TestDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A write transaction held open on a scope's context; the store joins it.</summary>
    private sealed record OpenTransaction(AsyncServiceScope Scope, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }

    /// <summary>Reads the feed the way a consumer does: from its saved cursor, keeping the next one.</summary>
    private sealed class Poller(ServiceProvider host)
    {
        private string? _cursor;

        public async Task<IReadOnlyList<LicenseEventRecord>> PollAsync()
        {
            await using var scope = host.CreateAsyncScope();
            var page = (await scope.ServiceProvider.GetRequiredService<ILicenseEventLog>().ListAsync(new LicenseEventQuery { After = _cursor, Limit = 100 })).Value!;
            _cursor = page.NextCursor;
            return page.Items;
        }
    }
}
