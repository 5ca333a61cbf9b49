using System.Net;
using AgCc.Dashboard.Security;
using Microsoft.AspNetCore.Http;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class LoopbackOnlyFilterTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    public async Task Loopback_clients_reach_the_ops_dashboard(string address)
    {
        Assert.Equal("passed", await InvokeFrom(address));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.7")]
    [InlineData("2001:db8::1")]
    public async Task Other_clients_are_forbidden(string address)
    {
        var result = Assert.IsAssignableFrom<IStatusCodeHttpResult>(await InvokeFrom(address));
        Assert.Equal(StatusCodes.Status403Forbidden, result.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_remote_address_is_forbidden()
    {
        Assert.IsAssignableFrom<IStatusCodeHttpResult>(await InvokeFrom(null));
    }

    private static async Task<object?> InvokeFrom(string? address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        return await new LoopbackOnlyFilter().InvokeAsync(
            new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>("passed"));
    }
}
