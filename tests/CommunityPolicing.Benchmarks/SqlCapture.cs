using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CommunityPolicing.Benchmarks;

/// <summary>
/// Records the SQL commands EF Core sends while a service call runs (EF's DiagnosticSource events), so the same
/// statements with the same parameters can be replayed on bare Npgsql: the service's cost against its SQL's cost.
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private List<NpgsqlCommand>? _recording;

    public SqlCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public async Task<IReadOnlyList<NpgsqlCommand>> RecordAsync(Func<Task> operation)
    {
        var commands = new List<NpgsqlCommand>();
        _recording = commands;
        try
        {
            await operation();
        }
        finally
        {
            _recording = null;
        }

        return commands;
    }

    /// <summary>Runs the recorded commands in order on one pooled connection, reading every value of every row.</summary>
    public static async Task ReplayAsync(NpgsqlDataSource source, IReadOnlyList<NpgsqlCommand> commands)
    {
        await using var connection = await source.OpenConnectionAsync();
        foreach (var recorded in commands)
        {
            await using var command = recorded.Clone();
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }
            }
            while (await reader.NextResultAsync());
        }
    }

    public void Dispose() => _subscriptions.ForEach(s => s.Dispose());

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each recorded statement: the plan, the time and the rows it really took.</summary>
    public static async Task ExplainAsync(NpgsqlDataSource source, IReadOnlyList<NpgsqlCommand> commands, TextWriter log)
    {
        await using var connection = await source.OpenConnectionAsync();
        foreach (var recorded in commands.Where(c => !c.CommandText.StartsWith("EXPLAIN", StringComparison.Ordinal)))
        {
            await using var command = recorded.Clone();
            command.Connection = connection;
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
            log.WriteLine($"\n```sql\n{recorded.CommandText}\n```\n```");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                log.WriteLine(reader.GetString(0));
            }

            log.WriteLine("```");
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        // Every subscriber of a listener sees every event written to it, whatever it asked for.
        if (_recording is { } recording && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: NpgsqlCommand command })
        {
            lock (recording)
            {
                recording.Add(Detached(command));
            }
        }
    }

    private static NpgsqlCommand Detached(DbCommand command)
    {
        var copy = ((NpgsqlCommand)command).Clone();
        copy.Connection = null;
        copy.Transaction = null;
        return copy;
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
