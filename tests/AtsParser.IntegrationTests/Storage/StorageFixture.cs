using Xunit;
using AtsParser.IntegrationTests.Support;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>One service with its own database and Redis key prefix per test class.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public StorageApiFactory Api { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await StorageApiFactory.CreateAsync();
        Client = Api.CreateClient();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
