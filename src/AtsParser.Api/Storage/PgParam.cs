using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace AtsParser.Api.Storage;

/// <summary>
/// A Dapper parameter with its PostgreSQL type spelled out, for the two values Dapper would get wrong: it sends a
/// TimeSpan as `time` (which cannot hold a day or more; the queue needs `interval`) and it cannot send a Stream.
/// </summary>
public readonly record struct PgParam(object? Value, NpgsqlDbType Type) : SqlMapper.ICustomQueryParameter
{
    public static PgParam Interval(TimeSpan value) => new(value, NpgsqlDbType.Interval);

    /// <summary>A byte[] or a Stream (streamed into the row by Npgsql, never buffered whole).</summary>
    public static PgParam Bytea(object value) => new(value, NpgsqlDbType.Bytea);

    public void AddParameter(IDbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter(name, Type) { Value = Value ?? DBNull.Value });
}
