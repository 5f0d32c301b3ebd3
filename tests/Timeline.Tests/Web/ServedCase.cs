using Timeline.Pipeline;
using Microsoft.AspNetCore.Builder;
using Timeline.Core.Store;
using Timeline.Web;

namespace Timeline.Tests.Web;

/// <summary>A case served on a free 127.0.0.1 port for the duration of a test (read-only, as <c>timeline serve</c> does).</summary>
public sealed class ServedCase : IDisposable
{
    private readonly ICaseStore _store;
    private readonly WebApplication _app;

    public ServedCase(string casePath)
    {
        _store = CaseStores.OpenForRead(casePath);
        _app = TimelineServer.Build(_store, 0);
        _app.StartAsync().GetAwaiter().GetResult();
        Address = TimelineServer.Address(_app);
    }

    public string Address { get; }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _store.Dispose();
    }
}
