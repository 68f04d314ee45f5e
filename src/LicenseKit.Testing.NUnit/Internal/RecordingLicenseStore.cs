using System.Collections;
using System.Reflection;
using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit.Internal;

/// <summary>
/// An <see cref="ILicenseStore"/> in front of the store under test that forwards every call and keeps every text the
/// call handed over (string arguments and the string properties of argument objects, walked through), so a test can
/// check what a store was ever told. Built on <see cref="DispatchProxy"/>, so members added to the contract are covered.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives the proxy type from this class at run time: it must not be sealed.
internal class RecordingLicenseStore : DispatchProxy
#pragma warning restore CA1852
{
    private const int MaxDepth = 6;
    private ILicenseStore _inner = null!;
    private List<string> _texts = null!;

    public static ILicenseStore Create(ILicenseStore inner, List<string> texts)
    {
        var proxy = Create<ILicenseStore, RecordingLicenseStore>();
        var recording = (RecordingLicenseStore)(object)proxy;
        recording._inner = inner;
        recording._texts = texts;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        lock (_texts)
        {
            foreach (var argument in args ?? [])
            {
                Collect(argument, 0);
            }
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    // LicenseKit's own records, and the key-value pairs of metadata.
    private static bool IsWalked(Type type) =>
        type.Namespace?.StartsWith("LicenseKit", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));

    private void Collect(object? value, int depth)
    {
        switch (value)
        {
            case null or Delegate or CancellationToken:
                return;
            case string text:
                _texts.Add(text);
                return;
            case IEnumerable items when depth < MaxDepth:
                foreach (var item in items)
                {
                    Collect(item, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || !IsWalked(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Collect(property.GetValue(value), depth + 1);
            }
        }
    }
}
