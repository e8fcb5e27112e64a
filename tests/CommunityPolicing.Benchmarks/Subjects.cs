using Npgsql;

namespace CommunityPolicing.Benchmarks;

/// <summary>Whom the benchmarks sign in as: the busiest department's chief and the officer with the most open appeals.</summary>
internal sealed record Subjects(string Chief, string Officer, string Administrator, string Password)
{
    public const string Domain = "perf.local";

    public static async Task<Subjects> FindAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand($"""
            SELECT (SELECT u.email FROM "AspNetUsers" u WHERE u.department_id =
                        (SELECT department_id FROM appeals GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AND u.email LIKE 'chief.%'),
                   (SELECT u.email FROM "AspNetUsers" u JOIN officers o ON o.user_id = u.id WHERE o.id =
                        (SELECT assigned_officer_id FROM appeals WHERE status IN ('Registered', 'Assigned', 'InProgress') AND assigned_officer_id IS NOT NULL
                         GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)),
                   (SELECT u.email FROM "AspNetUsers" u WHERE u.email = 'admin@{Domain}')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.IsDBNull(0) || reader.IsDBNull(1) || reader.IsDBNull(2))
        {
            throw new InvalidOperationException("No generated accounts: fill the database with CommunityPolicing.DataGen first.");
        }

        return new Subjects(reader.GetString(0), reader.GetString(1), reader.GetString(2), "Perf-Passw0rd!");
    }
}
