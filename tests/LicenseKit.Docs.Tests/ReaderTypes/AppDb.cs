using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Docs.Tests.ReaderTypes;

/// <summary>The reader's own DbContext that fragments name (<c>UseEntityFrameworkCore&lt;AppDb&gt;()</c>).</summary>
public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseLicenseKit();
}
