using Npgsql;

namespace AtsParser.Api.Storage;

/// <summary>DATABASE_URL comes either as a URL (postgres://user:pass@host:5432/db?sslmode=require) or as an Npgsql connection string.</summary>
public static class PostgresUrl
{
    public static string ToConnectionString(string value)
    {
        value = value.Trim();
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new NpgsqlConnectionStringBuilder(value).ConnectionString; // throws ArgumentException on a malformed string

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) throw new ArgumentException("the URL cannot be parsed");
        var b = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0) b.Host = uri.Host;
        if (uri.Port > 0) b.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var val = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            // libpq spellings that Npgsql names differently; anything else must be a valid Npgsql keyword.
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase)) val = val.Replace("-", "");
            key = key.ToLowerInvariant() switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", "application_name" => "Application Name", _ => key };
            b[key] = val;
        }
        if (string.IsNullOrEmpty(b.Host)) throw new ArgumentException("the URL has no host");
        return b.ConnectionString;
    }

    /// <summary>Sets the connect and command timeouts unless the connection string gives them itself.</summary>
    public static string WithTimeouts(string connectionString, int connectSeconds, int commandSeconds)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout")) b.Timeout = connectSeconds;
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout")) b.CommandTimeout = commandSeconds;
        return b.ConnectionString;
    }
}
