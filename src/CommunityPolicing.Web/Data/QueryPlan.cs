using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace CommunityPolicing.Web.Data;

/// <summary>The row EXPLAIN (FORMAT JSON) returns; read through EF so it is logged and traced like any other query.</summary>
public sealed class QueryPlan
{
    public string Json { get; set; } = "";

    /// <summary>PostgreSQL's estimate of how many rows a query returns, from its statistics, without running it.</summary>
    public static async Task<double> EstimateRowsAsync<T>(AppDbContext db, IQueryable<T> query, CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (object)((NpgsqlParameter)p).Clone()).ToArray();
#pragma warning disable EF1003 // the text is EF's own SQL for a LINQ query; every value stays a parameter
        var plans = await db.Set<QueryPlan>().FromSqlRaw("EXPLAIN (FORMAT JSON) " + command.CommandText, parameters).ToListAsync(ct);
#pragma warning restore EF1003
        using var plan = JsonDocument.Parse(plans.Single().Json);
        return plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}

public sealed class QueryPlanConfiguration : IEntityTypeConfiguration<QueryPlan>
{
    public void Configure(EntityTypeBuilder<QueryPlan> builder)
    {
        builder.HasNoKey().ToTable((string?)null); // no table: only ever read from FromSql
        builder.Property(p => p.Json).HasColumnName("QUERY PLAN");
    }
}
