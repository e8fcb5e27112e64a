using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CommunityPolicing.Web.Data;

/// <summary>
/// Whether PostgreSQL answers, decided within two seconds: a plain connection and <c>SELECT 1</c> with short timeouts
/// and no retry strategy. EF's context check waited out the pages' retries (17 s with the defaults), longer than a
/// load balancer's probe waits; the probe retries itself.
/// </summary>
public sealed class DatabaseHealthCheck(string connectionString) : IHealthCheck
{
    public const string Tag = "ready";
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = (int)Limit.TotalSeconds,
        CommandTimeout = (int)Limit.TotalSeconds,
        ApplicationName = "health",
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(limit.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(limit.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", e);
        }
    }
}
