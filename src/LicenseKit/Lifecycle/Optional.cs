namespace LicenseKit;

/// <summary>
/// A value that is either absent or set, where "set to null" differs from "not given": an update that sets
/// <c>activations_limit</c> to null makes the license unlimited, one that leaves it out keeps the limit.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly record struct Optional<T>
{
    private readonly T _value;

    /// <summary>Creates a set value.</summary>
    /// <param name="value">The value, which may be null for nullable <typeparamref name="T"/>.</param>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Whether a value was given.</summary>
    public bool HasValue { get; }

    /// <summary>The value; throws when none was given.</summary>
    /// <exception cref="InvalidOperationException">No value was given.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("No value was given.");

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Returns the value when given, else <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The value to use when none was given.</param>
    /// <returns>The value or the fallback.</returns>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <summary>Wraps a value (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The optional.</returns>
    public static Optional<T> FromValue(T value) => new(value);
}
