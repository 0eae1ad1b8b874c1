using StackExchange.Redis;

namespace AtsParser.Api.Caching;

/// <summary>REDIS_URL as a URL (redis://[user:]password@host:6379/0, rediss:// for TLS) or a StackExchange.Redis configuration string.</summary>
public static class RedisUrl
{
    public static ConfigurationOptions ToConfiguration(string value)
    {
        value = value.Trim();
        var tls = value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);
        if (!tls && !value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)) return ConfigurationOptions.Parse(value);

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new ArgumentException("REDIS_URL is not a valid redis:// URL.");
        var config = new ConfigurationOptions { Ssl = tls };
        config.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
        if (uri.UserInfo.Length > 0)
        {
            // redis://:password@host (password only) and redis://user:password@host (a Redis 6+ ACL user).
            var parts = uri.UserInfo.Split(':', 2);
            config.Password = Uri.UnescapeDataString(parts.Length == 2 ? parts[1] : parts[0]);
            if (parts.Length == 2 && parts[0].Length > 0) config.User = Uri.UnescapeDataString(parts[0]);
        }
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && int.TryParse(path, out var db)) config.DefaultDatabase = db;
        return config;
    }
}
