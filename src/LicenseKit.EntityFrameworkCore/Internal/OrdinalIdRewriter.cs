using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// Rewrites every <c>x.Id</c> of an entity parameter to <c>EF.Functions.Collate(x.Id, collation)</c>: ids compare
/// ordinally in memory, and PostgreSQL and SQL Server need a binary collation to order them the same way.
/// </summary>
internal sealed class OrdinalIdRewriter(string collation) : ExpressionVisitor
{
    private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!
        .MakeGenericMethod(typeof(string));

    private static readonly PropertyInfo Functions = typeof(EF).GetProperty(nameof(EF.Functions))!;

    /// <summary>The rewriter for a provider, or <see langword="null"/> when its default collation already orders ordinally.</summary>
    public static OrdinalIdRewriter? For(string? providerName) => providerName switch
    {
        ProviderNames.PostgreSql => new("C"),
        ProviderNames.SqlServer => new("Latin1_General_BIN2"),
        _ => null,
    };

    /// <summary>Rewrites <paramref name="expression"/>.</summary>
    public Expression<Func<TEntity, TResult>> Rewrite<TEntity, TResult>(Expression<Func<TEntity, TResult>> expression) =>
        (Expression<Func<TEntity, TResult>>)Visit(expression);

    protected override Expression VisitMember(MemberExpression node) =>
        node.Member.Name == "Id" && node.Expression is ParameterExpression
            ? Expression.Call(Collate, Expression.Property(null, Functions), node, Expression.Constant(collation))
            : base.VisitMember(node);
}
