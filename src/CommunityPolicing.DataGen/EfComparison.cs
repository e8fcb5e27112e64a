using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityPolicing.DataGen;

/// <summary>
/// The same generated appeals written twice into the loaded database, with every index and constraint in place:
/// once by binary COPY, once by EF Core's SaveChanges (batched inserts). Each run's rows are removed afterwards.
/// </summary>
internal static class EfComparison
{
    public static async Task RunAsync(string connectionString, Scale scale, int seed, DateTimeOffset now, int count, TextWriter log)
    {
        var organisation = Organisation.Build(scale, seed);
        var appeals = new Activity(organisation, seed + 1, now).Appeals(count, firstNumber: 90_000_000).ToList();

        await using var source = NpgsqlDataSource.Create(connectionString);
        long lastId;
        await using (var db = GeneratedDatabase.Context(connectionString))
        {
            lastId = await db.Appeals.MaxAsync(a => (long?)a.Id) ?? 0;
        }

        var copy = Stopwatch.StartNew();
        await new Generator(source, scale, seed, now, log).AppealsAsync(appeals, CancellationToken.None);
        copy.Stop();
        await RemoveAsync(connectionString, lastId);

        var ef = Stopwatch.StartNew();
        await using (var db = GeneratedDatabase.Context(connectionString))
        {
            db.Appeals.AddRange(appeals);
            await db.SaveChangesAsync();
        }

        ef.Stop();
        await RemoveAsync(connectionString, lastId);
        log.WriteLine($"""

            {count:N0} appeals with all indexes in place:
              binary COPY        {copy.Elapsed.TotalSeconds,6:F2} s  ({count / copy.Elapsed.TotalSeconds:N0} rows/s)
              EF SaveChanges     {ef.Elapsed.TotalSeconds,6:F2} s  ({count / ef.Elapsed.TotalSeconds:N0} rows/s)
              COPY is {ef.Elapsed / copy.Elapsed:F1}× faster
            """);
    }

    private static async Task RemoveAsync(string connectionString, long lastId)
    {
        await using var db = GeneratedDatabase.Context(connectionString);
        await db.Appeals.Where(a => a.Id > lastId).ExecuteDeleteAsync();
    }
}
