using Npgsql;
using NpgsqlTypes;

namespace CommunityPolicing.DataGen;

/// <summary>Binary COPY: one table's rows streamed in PostgreSQL's binary format, no SQL per row.</summary>
internal static class Copy
{
    public static async Task<long> IntoAsync<T>(NpgsqlDataSource source, string table, string columns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken ct = default)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            writer.StartRow();
            write(writer, row);
        }

        return (long)await writer.CompleteAsync(ct);
    }

    public static void Text(this NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    public static void Int(this NpgsqlBinaryImporter writer, int? value) => Value(writer, value, NpgsqlDbType.Integer);

    public static void Bool(this NpgsqlBinaryImporter writer, bool? value) => Value(writer, value, NpgsqlDbType.Boolean);

    public static void Double(this NpgsqlBinaryImporter writer, double? value) => Value(writer, value, NpgsqlDbType.Double);

    public static void Date(this NpgsqlBinaryImporter writer, DateOnly? value) => Value(writer, value, NpgsqlDbType.Date);

    public static void Instant(this NpgsqlBinaryImporter writer, DateTimeOffset? value) =>
        Value(writer, value?.ToUniversalTime(), NpgsqlDbType.TimestampTz);

    public static void Value<T>(this NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
