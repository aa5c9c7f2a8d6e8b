using District5News.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>The plan the database chooses for a LINQ query, one line per step, for tests that pin an index's use.</summary>
public static class QueryPlans
{
    /// <summary>
    /// Runs <paramref name="query"/>'s SQL behind <paramref name="explain"/> ("EXPLAIN QUERY PLAN" on SQLite, "EXPLAIN …"
    /// on PostgreSQL) with its parameters, and returns the plan's text: SQLite's detail column, PostgreSQL's only one.
    /// </summary>
    public static async Task<List<string>> ExplainAsync<T>(NewsDbContext db, IQueryable<T> query, string explain)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = explain + " " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var column = db.Database.IsSqlite() ? 3 : 0;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(column));
        }

        return plan;
    }
}
