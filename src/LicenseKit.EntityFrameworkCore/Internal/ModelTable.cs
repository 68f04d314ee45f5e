using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// A table of the host's model as the store's statements see it: its delimited name and, for every mapped property of
/// <typeparamref name="TEntity"/>, the column's delimited name, its type mapping, and compiled accessors that copy the
/// property to a parameter or from a reader. Everything comes from the model, so a new property needs no code here.
/// </summary>
/// <typeparam name="TEntity">The row type.</typeparam>
internal sealed class ModelTable<TEntity>
    where TEntity : new()
{
    private readonly Dictionary<string, ModelColumn<TEntity>> _byProperty;

    private ModelTable(string name, ModelColumn<TEntity>[] columns)
    {
        Name = name;
        Columns = columns;
        _byProperty = columns.ToDictionary(c => c.Property, StringComparer.Ordinal);
    }

    /// <summary>The delimited (and schema-qualified) table name.</summary>
    public string Name { get; }

    /// <summary>Every mapped column, in the model's property order: the order rows are selected and inserted in.</summary>
    public IReadOnlyList<ModelColumn<TEntity>> Columns { get; }

    /// <summary>The columns of a full row, as a select list (optionally prefixed with a table alias).</summary>
    public string SelectList(string? alias = null) =>
        string.Join(", ", Columns.Select(c => alias is null ? c.Name : alias + "." + c.Name));

    public static ModelTable<TEntity> Of(DbContext context, ISqlGenerationHelper sql)
    {
        var entity = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"The model of {context.GetType().Name} has no LicenseKit entities: call modelBuilder.UseLicenseKit() in OnModelCreating.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new ModelColumn<TEntity>(p.Name, sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping(), Getter(p), Reader(p)))
            .ToArray();
        return new ModelTable<TEntity>(sql.DelimitIdentifier(table.Name, table.Schema), columns);
    }

    /// <summary>The column of a property, by the property's name.</summary>
    public ModelColumn<TEntity> this[string property] =>
        _byProperty.TryGetValue(property, out var column) ? column : throw new InvalidOperationException($"{typeof(TEntity).Name} has no mapped property {property}.");

    /// <summary>Reads a row selected with <see cref="SelectList"/>.</summary>
    public TEntity Read(DbDataReader reader)
    {
        var row = new TEntity();
        for (var i = 0; i < Columns.Count; i++)
        {
            Columns[i].Read(row, reader, i);
        }

        return row;
    }

    private static Func<TEntity, object?> Getter(IProperty property)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var value = Expression.Convert(Expression.Property(row, property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<TEntity, object?>>(value, row).Compile();
    }

    // row.P = reader.IsDBNull(i) ? default : reader.GetFieldValue<U>(i), U being P's type without Nullable<>.
    private static Action<TEntity, DbDataReader, int> Reader(IProperty property)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var type = property.ClrType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var get = Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [underlying], ordinal);
        var value = Expression.Condition(
            Expression.Call(reader, nameof(DbDataReader.IsDBNull), null, ordinal),
            Expression.Default(type),
            Expression.Convert(get, type));
        var assign = Expression.Assign(Expression.Property(row, property.PropertyInfo!), value);
        return Expression.Lambda<Action<TEntity, DbDataReader, int>>(assign, row, reader, ordinal).Compile();
    }
}
