namespace KubeFleet.Hosting;

/// <summary>
/// -First, -Skip and -IncludeTotalCount, which PowerShell adds to a cmdlet that declares
/// SupportsPaging. <see cref="First"/> is <see cref="ulong.MaxValue"/> when -First is not given.
/// </summary>
internal sealed record PagingRequest(ulong First, ulong Skip, bool IncludeTotalCount)
{
    public static readonly PagingRequest None = new(ulong.MaxValue, 0, false);

    public bool LimitsFirst => First != ulong.MaxValue;
}
