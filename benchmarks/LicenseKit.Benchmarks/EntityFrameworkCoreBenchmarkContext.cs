using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Benchmarks;

/// <summary>A host context with only the LicenseKit model.</summary>
public sealed class EntityFrameworkCoreBenchmarkContext(DbContextOptions<EntityFrameworkCoreBenchmarkContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseLicenseKit();
}
