using System.Net;

namespace AgCc.Dashboard.Security;

/// <summary>
/// The Orleans ops dashboard has no authentication of its own: answer only requests from this
/// machine, whatever address the web host binds to.
/// </summary>
public sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));
    }
}
