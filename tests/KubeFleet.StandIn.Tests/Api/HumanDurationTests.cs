using KubeFleet.StandIn.Api.Tables;

namespace KubeFleet.StandIn.Tests.Api;

/// <summary>Ages read as kubectl prints them (the cases of apimachinery's duration_test.go).</summary>
public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-2, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(9 * 60 + 59, "9m59s")]
    [InlineData(10 * 60, "10m")]
    [InlineData(3 * 3600 - 1, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(7 * 3600 + 59 * 60, "7h59m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(47 * 3600 + 59 * 60, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(53 * 3600, "2d5h")]
    [InlineData(8 * 86400 - 1, "7d23h")]
    [InlineData(8 * 86400, "8d")]
    [InlineData(729 * 86400, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(731 * 86400, "2y1d")]
    [InlineData(8 * 365 * 86400, "8y")]
    public void AgesAreRoundedTheWayKubectlShowsThem(long seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
