namespace KubeFleet.Tests.Module;

public sealed class PowerShellDataFileTests
{
    [Fact]
    public void Reads_nested_tables_arrays_strings_and_comments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                # comment
                @{
                    Name = 'it''s'   # trailing comment
                    List = @('a', "b"
                             'c')
                    Empty = @()
                    Inner = @{ Flag = $true; Version = 7.4 }
                }
                """);

            var table = PowerShellDataFile.Read(path);

            Assert.Equal("it's", table["Name"]);
            Assert.Equal(["a", "b", "c"], (List<object?>)table["List"]!);
            Assert.Empty((List<object?>)table["Empty"]!);
            var inner = (Dictionary<string, object?>)table["Inner"]!;
            Assert.Equal(true, inner["Flag"]);
            Assert.Equal("7.4", inner["Version"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_an_expression()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "@{ Name = $env:USER }");

            Assert.Throws<FormatException>(() => PowerShellDataFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
