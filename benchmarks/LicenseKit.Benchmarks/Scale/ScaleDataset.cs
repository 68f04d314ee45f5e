using System.Globalization;
using LicenseKit.Stores;

namespace LicenseKit.Benchmarks.Scale;

/// <summary>
/// The licenses of one business that the scale benchmark fills every store with, row for row the same in memory and in
/// SQL: license <c>i</c> has id <c>lic_</c> + i (9 digits), key <c>SCALE-</c> + i, customer i / 50 (so a customer has 50
/// licenses at every size), product i % 7, status i % 3, archived for i % 25 = 0 (so even 10³ licenses fill a page of
/// archived ones), created one second apart.
/// </summary>
public static class ScaleDataset
{
    public const string BusinessId = "biz_scale";

    /// <summary>How many licenses a customer has.</summary>
    public const int LicensesPerCustomer = 50;

    /// <summary>One license in this many is archived.</summary>
    public const int ArchivedEvery = 25;

    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Id(int i) => "lic_" + i.ToString("D9", CultureInfo.InvariantCulture);

    // The SQL of Key(i): already normalized (upper-case ASCII).
    private const string KeySql = "('SCALE-' || i)";

    public static string Key(int i) => "SCALE-" + i.ToString(CultureInfo.InvariantCulture);

    public static string Customer(int i) => "cust_" + (i / LicensesPerCustomer).ToString(CultureInfo.InvariantCulture);

    public static string Product(int i) => "prod_" + (i % 7).ToString(CultureInfo.InvariantCulture);

    public static LicenseStatus Status(int i) => (i % 3) switch { 0 => LicenseStatus.Active, 1 => LicenseStatus.Disabled, _ => LicenseStatus.Revoked };

    public static bool Archived(int i) => i % ArchivedEvery == 0;

    public static DateTimeOffset CreatedAt(int i) => Epoch.AddSeconds(i);

    public static License License(int i) => BenchmarkKeyHashing.WithKeyHash(new()
    {
        Id = Id(i),
        Key = Key(i),
        BusinessId = BusinessId,
        Status = Status(i),
        ProductId = Product(i),
        CustomerId = Customer(i),
        Archived = Archived(i),
        CreatedAt = CreatedAt(i),
        UpdatedAt = CreatedAt(i),
        Version = 1,
    });

    /// <summary>
    /// The same rows as one INSERT … SELECT over the numbers 0 … count - 1 (<paramref name="numbers"/> names a row source
    /// with a column <c>i</c>; <paramref name="paddedI"/> is the provider's expression of i in 9 digits;
    /// <paramref name="keyHash"/> and <paramref name="keyHint"/> turn an expression of the key, already normalized, into
    /// the provider's expressions of <see cref="BenchmarkKeyHashing.Hash"/> and <see cref="LicenseKeyHint.Of"/>).
    /// </summary>
    public static string InsertSql(string numbers, string paddedI, Func<string, string> keyHash, Func<string, string> keyHint) => $"""
        INSERT INTO licensekit_licenses (id, business_id, key_hash, key_hint, status, product_id, customer_id, instances_count,
            archived, created_at, updated_at, version, last_edit_version)
        SELECT 'lic_' || {paddedI}, '{BusinessId}', {keyHash(KeySql)}, {keyHint(KeySql)},
            CASE i % 3 WHEN 0 THEN 'ACTIVE' WHEN 1 THEN 'DISABLED' ELSE 'REVOKED' END,
            'prod_' || (i % 7), 'cust_' || (i / {LicensesPerCustomer}), 0,
            i % {ArchivedEvery} = 0, {Epoch.ToUnixTimeMilliseconds()} + i * 1000, {Epoch.ToUnixTimeMilliseconds()} + i * 1000, 1, 1
        FROM {numbers}
        """;
}
