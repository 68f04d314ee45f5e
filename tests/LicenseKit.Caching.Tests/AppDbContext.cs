using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Caching.Tests;

/// <summary>A host's context with the LicenseKit model, as docs/caching.md shows it.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseLicenseKit();
    }
}
