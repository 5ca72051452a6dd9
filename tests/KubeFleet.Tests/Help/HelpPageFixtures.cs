namespace KubeFleet.Tests.Help;

/// <summary>Help pages for the harness's test cmdlets: one complete, and variations that break it.</summary>
internal static class HelpPageFixtures
{
    public const string CompleteGetHarnessItem = """
        # Get-HarnessItem

        ## SYNOPSIS
        Gets harness items.

        ## DESCRIPTION
        Gets items by name or by tag.

        Items are made up on the spot.

        ## PARAMETERS

        ### -Name
        The names to get.

        ### -Tag
        The tag to get items by.

        ### -Repeat
        How many times to emit each item.

        ### -ProfilePath
        The profile to use.

        ## EXAMPLES

        ### Example 1: Get two items by name
        ```powershell
        PS> Get-HarnessItem web, db -Repeat 1
        ```
        Gets the items named web and db.
        ```output
        Name
        ----
        web
        db
        ```

        ### Example 2: Get items by tag and pass them on
        ```powershell
        PS> Get-HarnessItem -Tag blue |
              Set-HarnessItem -Description 'blue' -PassThru
        ```
        Gets the blue items and describes them.
        ```output
        ```

        ## OUTPUTS

        ### KubeFleet.Tests.Harness.Fixtures.HarnessItem
        One item per name.

        ## NOTES
        Harness items are not real.

        ## RELATED LINKS
        - [Set-HarnessItem](Set-HarnessItem.md)
        - [About harnesses](https://example.com/harness)
        """;
}
