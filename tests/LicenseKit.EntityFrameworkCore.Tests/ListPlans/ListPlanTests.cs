using System.Text.RegularExpressions;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>
/// Explains the queries <see cref="EntityFrameworkCoreLicenseStore{TContext}.ListAsync"/> really sends, for every filter the
/// list offers, and checks that an index of the model serves each one in page order, so a
/// model or query change that falls back to walking a business's licenses fails here.
/// </summary>
public abstract class ListPlanTests
{
    private const string BusinessId = "biz_plan";
    private const string Customers = "ix_licensekit_licenses_business_customer_created";
    private const string Products = "ix_licensekit_licenses_business_product_created";
    private const string Statuses = "ix_licensekit_licenses_business_status_created";
    private const string Created = "ix_licensekit_licenses_business_created";
    private const string Archived = "ix_licensekit_licenses_business_archived_created";
    private const int Rows = 3000;

    // created_at of row i is Epoch + i seconds.
    private static readonly DateTimeOffset Epoch = new(2026, 5, 11, 0, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    /// <summary>The provider's statement that explains the query after it.</summary>
    protected abstract string ExplainPrefix { get; }

    public static IEnumerable<ListPlanCase> Cases()
    {
        yield return new("no filter", new LicenseKeysetQuery(), [Created]);
        yield return new("archived=false (the HTTP default)", new LicenseKeysetQuery { Archived = false }, [Created]);
        yield return new("archived=true", new LicenseKeysetQuery { Archived = true }, [Archived]);
        yield return new(
            "archived=true, deep page",
            new LicenseKeysetQuery { Archived = true, After = new LicenseKeysetPosition(Epoch.AddSeconds(600), "lic_100600") },
            // Once both seek to the cursor, SQLite's planner (without statistics) ties the partial index with the full one.
            [Archived, Created]);
        yield return new(
            "no filter, deep page",
            new LicenseKeysetQuery { Archived = false, After = new LicenseKeysetPosition(Epoch.AddSeconds(600), "lic_100600") },
            [Created]);
        yield return new("customer", new LicenseKeysetQuery { CustomerId = "cust_7", Archived = false }, [Customers]);
        yield return new("customer, archived or not", new LicenseKeysetQuery { CustomerId = "cust_7" }, [Customers]);
        yield return new("product", new LicenseKeysetQuery { ProductId = "prod_3", Archived = false }, [Products]);
        yield return new("status", new LicenseKeysetQuery { Status = LicenseStatus.Disabled, Archived = false }, [Statuses]);
        yield return new(
            "created range",
            new LicenseKeysetQuery { CreatedFrom = Epoch.AddSeconds(1000), CreatedBefore = Epoch.AddSeconds(2000), Archived = false },
            [Created]);
        yield return new(
            "customer, product and status",
            new LicenseKeysetQuery { CustomerId = "cust_7", ProductId = "prod_0", Status = LicenseStatus.Active, Archived = false },
            [Customers, Products, Statuses]);
        yield return new(
            "customer, next page",
            new LicenseKeysetQuery { CustomerId = "cust_7", Archived = false, After = new LicenseKeysetPosition(Epoch.AddSeconds(2000), "lic_102000") },
            [Customers]);
    }

    /// <summary>Creates the fixture's database with the LicenseKit tables in it.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Whether a plan sorts the rows it read (an incremental sort of ties on an already ordered column does not count).</summary>
    protected abstract bool SortsRows(string plan);

    /// <summary>Whether the plan starts reading the index at the cursor (an index bound on created_at and id), not at the newest row.</summary>
    protected abstract bool SeeksToCursor(string plan);

    /// <summary>Lets the database know the table's contents (or nothing, where hosts do not usually gather statistics).</summary>
    protected abstract Task GatherStatisticsAsync(DbContext context);

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await CreateDatabaseAsync();
        await using var context = _database.CreateContext();

        // Row i: customer i % 301, product i % 7, status i % 3, archived for i % 11 < 3; a second business beside it.
        var seed = $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows - 1})
            INSERT INTO licensekit_licenses (id, business_id, key_hash, key_hint, status, product_id, customer_id, instances_count,
                archived, created_at, updated_at, version, last_edit_version)
            SELECT 'lic_' || (100000 + i),
                CASE WHEN i % 2 = 0 THEN '{BusinessId}' ELSE 'biz_other' END,
                'h:' || i, 'K' || i,
                CASE i % 3 WHEN 0 THEN 'ACTIVE' WHEN 1 THEN 'DISABLED' ELSE 'REVOKED' END,
                'prod_' || (i % 7), 'cust_' || (i % 301), 0,
                i % 11 < 3, {Epoch.ToUnixTimeMilliseconds()} + i * 1000, {Epoch.ToUnixTimeMilliseconds()} + i * 1000, 1, 1
            FROM n
            """;
        await context.Database.ExecuteSqlRawAsync(seed);
        await GatherStatisticsAsync(context);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task List_IsServedByAnIndexOfTheModel(ListPlanCase listCase)
    {
        var capture = new QueryPlanCapture(ExplainPrefix);
        var options = new DbContextOptionsBuilder<TestDbContext>();
        _database!.Configure(options);
        options.AddInterceptors(capture);
        await using var context = new TestDbContext(options.Options);

        var page = await new EntityFrameworkCoreLicenseStore<TestDbContext>(context).ListAsync(BusinessId, listCase.Query);

        page.Should().NotBeEmpty("the seeded rows match every case, so an empty page would mean the query changed");
        capture.Plans.Should().ContainSingle();
        var plan = capture.Plans[0];
        TestContext.Out.WriteLine($"{listCase.Name}:\n{plan}");
        listCase.Indexes.Should().Contain(index => Regex.IsMatch(plan, $@"\b{index}\b"), "the plan should use one of these indexes:\n{0}", plan);
        SortsRows(plan).Should().BeFalse("the index gives the page order, so nothing should be sorted:\n{0}", plan);
        if (listCase.Query.After is not null)
        {
            SeeksToCursor(plan).Should().BeTrue("a next page should start at the cursor in the index, not filter the rows before it:\n{0}", plan);
        }
    }
}
