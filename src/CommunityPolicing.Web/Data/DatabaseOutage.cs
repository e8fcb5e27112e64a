using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommunityPolicing.Web.Data;

/// <summary>
/// The database failed in a way a retry in place cannot fix safely: the unit's outcome is unknown (the connection
/// broke after the rows were sent) or its tracked state cannot be rebuilt. Not transient, so the execution
/// strategy stops; the user is told the database is unavailable and tries again.
/// </summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);

public static class DatabaseOutage
{
    /// <summary>Whether the exception means the database was unreachable (after the execution strategy's retries).</summary>
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        RetryLimitExceededException or DatabaseUnavailableException => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => Is(e.InnerException),
    };

    /// <summary>
    /// Runs a unit that opens its own transaction under the execution strategy (EF refuses user transactions
    /// outside it once retries are on), once: for units whose tracked state a second attempt could not rebuild.
    /// </summary>
    public static Task<T> OnceAsync<T>(DbContext db, Func<Task<T>> work)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () => attempts++ == 0
            ? await work()
            : throw new DatabaseUnavailableException("The database failed during a unit that is not retried in place."));
    }
}
