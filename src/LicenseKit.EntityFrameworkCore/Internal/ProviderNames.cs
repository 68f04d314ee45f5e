namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// The EF Core providers the store writes its SQL differently for, as <c>DatabaseFacade.ProviderName</c> names them: the
/// one home of those names for every provider-specific choice (collations, row values, claims, feed order, lookups).
/// </summary>
internal static class ProviderNames
{
    public const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
}
