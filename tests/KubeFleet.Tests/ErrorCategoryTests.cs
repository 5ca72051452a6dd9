using System.Management.Automation;
using KubeFleet.Engine.Errors;
using KubeFleet.Hosting;

namespace KubeFleet.Tests;

public sealed class ErrorCategoryTests
{
    public static TheoryData<ErrorKind> Kinds => new(Enum.GetValues<ErrorKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_engine_error_kind_maps_onto_the_category_of_the_same_name(ErrorKind kind)
    {
        Assert.Equal(kind.ToString(), ErrorCategories.For(kind).ToString());
    }

    [Fact]
    public void An_engine_exception_becomes_an_error_with_its_id_category_message_target_and_cause()
    {
        var cause = new IOException("disk full");
        var exception = new KubeFleetException("ProfileWriteFailed", ErrorKind.WriteError, "Cannot write the profile. Free some space.", "/p.json", cause);

        var error = CmdletError.From(exception);

        Assert.Equal(("ProfileWriteFailed", ErrorCategory.WriteError, "Cannot write the profile. Free some space.", "/p.json"), (error.ErrorId, error.Category, error.Message, error.Target));
        Assert.Same(cause, error.Exception.InnerException);
    }
}
