using System.Diagnostics.CodeAnalysis;

namespace LicenseKit;

/// <summary>
/// The outcome of an operation: either <see cref="Succeeded"/> with a <see cref="Value"/>, or failed with one or more
/// <see cref="Errors"/>. Expected failures are results, never exceptions; the store is unchanged after any failure.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public sealed class LicenseResult<T>
{
    private LicenseResult(T? value, IReadOnlyList<LicenseError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value on success; <see langword="default"/> on failure.</summary>
    public T? Value { get; }

    /// <summary>All errors; empty on success. Input validation reports every offending field at once.</summary>
    public IReadOnlyList<LicenseError> Errors { get; }

    /// <summary>The first error, or <see langword="null"/> on success.</summary>
    public LicenseError? Error => Errors.Count == 0 ? null : Errors[0];

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static LicenseResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, []);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The result.</returns>
    public static LicenseResult<T> Failed(params IReadOnlyList<LicenseError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }

    /// <summary>Creates a failed result with one error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="description">The human-readable description.</param>
    /// <param name="field">The offending field's wire name, if any.</param>
    /// <returns>The result.</returns>
    public static LicenseResult<T> Failed(string code, string description, string? field = null) =>
        Failed([new LicenseError(code, description, field)]);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Succeeded: {Value}" : $"Failed: {string.Join("; ", Errors.Select(e => $"{e.Code} {e.Field} {e.Description}"))}";
}
