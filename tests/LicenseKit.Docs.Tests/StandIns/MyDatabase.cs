using LicenseKit.Stores;

/// <summary>Stands for the reader's own database: the data every <see cref="MyLicenseStore"/> on it shares.</summary>
public sealed class MyDatabase : IDisposable
{
    private MyDatabase()
    {
    }

    /// <summary>The rows.</summary>
    public ILicenseStore Rows { get; } = new InMemoryLicenseStore();

    /// <summary>Creates a database with no licenses.</summary>
    public static MyDatabase CreateEmpty() => new();

    /// <summary>Drops the database.</summary>
    public void Dispose()
    {
    }
}
