using AgCc.Client;
using AgCc.Dashboard.Media;
using Microsoft.AspNetCore.Http;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class MediaEndpointsTests
{
    [Theory]
    [InlineData("Not A Name", "utt001")]
    [InlineData("crema-d", " ")]
    public async Task Invalid_addresses_are_not_found_without_asking_the_cluster(string corpus, string utterance)
    {
        // A client over no cluster: any call into it would throw.
        var result = await MediaEndpoints.GetAudioAsync(corpus, utterance, new AgCcClient(null!));
        var status = Assert.IsAssignableFrom<IStatusCodeHttpResult>(result);
        Assert.Equal(StatusCodes.Status404NotFound, status.StatusCode);
    }
}
