using KubeFleet.Engine.Insight.Summary;

namespace KubeFleet.Engine.Tests.Insight.Summary;

/// <summary>Quantities read as the API server writes them.</summary>
public sealed class ResourceQuantityTests
{
    [Theory]
    [InlineData("4", "4")]
    [InlineData("3920m", "3.92")]
    [InlineData("250m", "0.25")]
    [InlineData("0.5", "0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("+2", "2")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("1k", "1000")]
    [InlineData("2M", "2000000")]
    [InlineData("1G", "1000000000")]
    [InlineData("1Ki", "1024")]
    [InlineData("16069064Ki", "16454721536")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("1Ei", "1152921504606846976")]
    [InlineData("1e3", "1000")]
    [InlineData("12E-2", "0.12")]
    [InlineData("500u", "0.0005")]
    [InlineData("100n", "0.0000001")]
    public void Parses_every_suffix(string text, string expected)
    {
        Assert.True(ResourceQuantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Gi")]
    [InlineData("1.2.3")]
    [InlineData("1 Gi")]
    [InlineData("1KB")]
    [InlineData("1ki")]
    [InlineData("e3")]
    [InlineData("1e")]
    [InlineData("1e99")]
    [InlineData("99999999999999999999Ei")]
    public void Refuses_what_is_not_a_quantity(string? text)
    {
        Assert.False(ResourceQuantity.TryParse(text, out _));
    }

    [Theory]
    [InlineData("128974848", 128974848L)]
    [InlineData("129e6", 129000000L)]
    [InlineData("123Mi", 128974848L)]
    [InlineData("1500m", 2L)]
    public void Bytes_round_up_to_whole_bytes(string text, long expected)
    {
        Assert.True(ResourceQuantity.TryParseBytes(text, out var bytes));
        Assert.Equal(expected, bytes);
    }
}
