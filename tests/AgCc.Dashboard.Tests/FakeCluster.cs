using System.Reflection;
using Orleans;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// A stand-in Orleans cluster client for the dashboard's tests, configured with the grains a test
/// needs: <see cref="On{TGrain,TResult}"/> answers one method of one grain interface (any key, or
/// the key given); a call nobody configured fails, naming the grain and the method. Observers are
/// their own references here, and a grain's <c>Watch</c> / <c>Unwatch</c> (any grain) keep them in
/// <see cref="Watchers"/>, so a test pushes to a page as the grain would.
/// </summary>
public sealed class FakeCluster
{
    private readonly List<Handler> handlers = [];
    private readonly List<(Type Grain, string Key, IGrainObserver Watcher)> watchers = [];

    public FakeCluster() => Client = ClusterProxy.Create(this);

    public IClusterClient Client { get; }

    /// <summary>Answers <paramref name="method"/> of <typeparamref name="TGrain"/> with <paramref name="answer"/>(key, arguments), as a completed task; an exception it throws is the task's.</summary>
    public FakeCluster On<TGrain, TResult>(string method, Func<string, object?[], TResult> answer, string? key = null)
        where TGrain : IGrain =>
        OnAsync<TGrain, TResult>(method, (k, args) => Task.FromResult(answer(k, args)), key);

    /// <summary>Answers <paramref name="method"/> with the task <paramref name="answer"/> gives (a grain that awaits, as a real call would).</summary>
    public FakeCluster OnAsync<TGrain, TResult>(string method, Func<string, object?[], Task<TResult>> answer, string? key = null)
        where TGrain : IGrain
    {
        handlers.Add(new Handler(typeof(TGrain), method, key, (k, args) =>
        {
            try
            {
                return answer(k, args);
            }
            catch (Exception e)
            {
                return Task.FromException<TResult>(e);
            }
        }));
        return this;
    }

    /// <summary>Carries out <paramref name="method"/> (one returning a plain <see cref="Task"/>) with <paramref name="act"/>(key, arguments).</summary>
    public FakeCluster On<TGrain>(string method, Action<string, object?[]> act, string? key = null)
        where TGrain : IGrain
    {
        handlers.Add(new Handler(typeof(TGrain), method, key, (k, args) =>
        {
            try
            {
                act(k, args);
                return Task.CompletedTask;
            }
            catch (Exception e)
            {
                return Task.FromException(e);
            }
        }));
        return this;
    }

    /// <summary>The observers subscribed (and not unsubscribed) to <typeparamref name="TGrain"/> <paramref name="key"/>.</summary>
    public IReadOnlyList<TWatcher> Watchers<TGrain, TWatcher>(string key) where TWatcher : IGrainObserver
    {
        lock (watchers) return [.. watchers.Where(w => w.Grain == typeof(TGrain) && w.Key == key).Select(w => w.Watcher).OfType<TWatcher>()];
    }

    private object? Call(Type grain, string key, MethodInfo method, object?[] args)
    {
        if (method.Name is "Watch" or "Unwatch" && args is [IGrainObserver watcher])
        {
            lock (watchers)
            {
                watchers.RemoveAll(w => w.Grain == grain && w.Key == key && ReferenceEquals(w.Watcher, watcher));
                if (method.Name == "Watch") watchers.Add((grain, key, watcher));
            }
            return Task.CompletedTask;
        }
        // The last configured wins, so a test may override what a shared setup configured.
        var handler = handlers.LastOrDefault(h => h.Grain == grain && h.Method == method.Name && (h.Key is null || h.Key == key))
            ?? throw new NotSupportedException($"the fake cluster's {grain.Name} '{key}' has no {method.Name}");
        return handler.Answer(key, args);
    }

    private sealed record Handler(Type Grain, string Method, string? Key, Func<string, object?[], object?> Answer);

    /// <summary>The client: GetGrain gives a grain proxy; observer references are the observers themselves.</summary>
    public class ClusterProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;

        internal static IClusterClient Create(FakeCluster cluster)
        {
            var client = Create<IClusterClient, ClusterProxy>();
            ((ClusterProxy)(object)client).cluster = cluster;
            return client;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            switch (method)
            {
                case { Name: "GetGrain", IsGenericMethod: true } when args is [{ } primaryKey, ..]:
                    // String, integer and Guid keys alike, as text.
                    var key = Convert.ToString(primaryKey, System.Globalization.CultureInfo.InvariantCulture)!;
                    var type = method.GetGenericArguments()[0];
                    return typeof(GrainProxy).GetMethod(nameof(GrainProxy.Create), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(type).Invoke(null, [cluster, type, key]);
                case { Name: "CreateObjectReference" } when args is [IGrainObserver observer]:
                    return observer;
                case { Name: "DeleteObjectReference" }:
                    return null;
                default:
                    throw new NotSupportedException($"the fake cluster has no {method}");
            }
        }
    }

    public class GrainProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;
        private Type type = default!;
        private string key = "";

        internal static T Create<T>(FakeCluster cluster, Type type, string key) where T : class
        {
            var grain = Create<T, GrainProxy>();
            var proxy = (GrainProxy)(object)grain;
            (proxy.cluster, proxy.type, proxy.key) = (cluster, type, key);
            return grain;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => cluster.Call(type, key, method!, args ?? []);
    }
}
