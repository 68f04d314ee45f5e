using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>A mapped column of a <see cref="ModelTable{TEntity}"/>.</summary>
/// <typeparam name="TEntity">The row type.</typeparam>
/// <param name="Property">The entity property's name.</param>
/// <param name="Name">The delimited column name.</param>
/// <param name="Mapping">The column's type mapping, used to create its parameters.</param>
/// <param name="Get">Reads the property of a row.</param>
/// <param name="Read">Sets the property of a row from a reader's column at an ordinal.</param>
internal sealed record ModelColumn<TEntity>(
    string Property,
    string Name,
    RelationalTypeMapping Mapping,
    Func<TEntity, object?> Get,
    Action<TEntity, DbDataReader, int> Read);
