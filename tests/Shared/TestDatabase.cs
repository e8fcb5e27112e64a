using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommunityPolicing.Testing;

/// <summary>
/// A throwaway PostgreSQL database for one test run: a private cluster in a temporary folder on a free port,
/// or, when CP_TEST_DATABASE holds a connection string, a fresh database on that server.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster? _cluster;
    private readonly string? _folder;
    private readonly string? _serverConnectionString;

    private TestDatabase(string connectionString, EmbeddedPostgresCluster? cluster, string? folder, string? serverConnectionString)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        _folder = folder;
        _serverConnectionString = serverConnectionString;
    }

    public string ConnectionString { get; }

    public EmbeddedPostgresCluster? Cluster => _cluster;

    /// <param name="name"></param>
    /// <param name="privateCluster">Always a private cluster (a test that stops and starts the server needs its own).</param>
    public static async Task<TestDatabase> StartAsync(string name, bool privateCluster = false)
    {
        var database = $"{name}_{Guid.NewGuid():N}"[..(name.Length + 13)];
        var server = privateCluster ? null : Environment.GetEnvironmentVariable("CP_TEST_DATABASE");
        if (!string.IsNullOrWhiteSpace(server))
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
            return new TestDatabase(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString, null, null, server);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"cp-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder, "pg"), EmbeddedPostgresCluster.FreePort(), database,
            NullLogger.Instance);
        return new TestDatabase(cluster.ConnectionString(database), cluster, folder, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            Directory.Delete(_folder!, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
