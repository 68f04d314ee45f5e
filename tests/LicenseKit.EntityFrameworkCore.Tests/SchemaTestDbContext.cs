using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>A host's context that keeps its tables in a schema of its own, so every statement must be schema-qualified.</summary>
public sealed class SchemaTestDbContext(DbContextOptions<SchemaTestDbContext> options) : DbContext(options)
{
    public const string Schema = "licensing";

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.HasDefaultSchema(Schema).UseLicenseKit();
}
