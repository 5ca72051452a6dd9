#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The built module in a real PowerShell: import, exported commands and help. Run it in a fresh
# pwsh -NoProfile (build.ps1 -Task Test does): a binary module cannot be unloaded from a session.
# The tests never touch the user's profile: KUBEFLEET_PROFILE points into $TestDrive.

BeforeAll {
    $script:ModuleFolder = Join-Path (Split-Path $PSScriptRoot -Parent) 'out' 'KubeFleet'
    $script:ManifestPath = Join-Path $ModuleFolder 'KubeFleet.psd1'
    if (-not (Test-Path $ManifestPath)) {
        throw "There is no built module at ${ModuleFolder}: run 'dotnet build src/KubeFleet' first."
    }

    $script:Manifest = Import-PowerShellDataFile -Path $ManifestPath
    $script:PreviousProfile = $env:KUBEFLEET_PROFILE
    $env:KUBEFLEET_PROFILE = Join-Path $TestDrive 'fleet.json'
    Import-Module $ManifestPath -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module KubeFleet -ErrorAction SilentlyContinue
    $env:KUBEFLEET_PROFILE = $PreviousProfile
}

Describe 'The KubeFleet module' {
    It 'imports from the module folder with the built version' {
        $module = Get-Module KubeFleet
        $module.ModuleBase | Should -Be (Resolve-Path $ModuleFolder).Path
        $module.Version | Should -Be ([version]$Manifest.ModuleVersion)
    }

    It 'declares PowerShell 7.4 Core' {
        $module = Get-Module KubeFleet
        $module.PowerShellVersion | Should -Be ([version]'7.4')
        $module.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $exported = @(Get-Command -Module KubeFleet | ForEach-Object Name | Sort-Object)
        $listed = @($Manifest.CmdletsToExport | Sort-Object)
        ($exported -join ', ') | Should -Be ($listed -join ', ')
    }

    It 'is removed and imported again cleanly' {
        Remove-Module KubeFleet
        Get-Module KubeFleet | Should -BeNullOrEmpty
        Import-Module $ManifestPath -Force -ErrorAction Stop
        Get-Module KubeFleet | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help for <_>' -ForEach @(Get-Command -Module KubeFleet | ForEach-Object Name) {
    BeforeAll {
        $script:Help = Get-Help -Name $_ -Full
        $script:Command = Get-Command -Name $_
    }

    It 'has a synopsis and a description' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match '^\s*\S+-\S+\s*\[' # PowerShell's generated syntax when there is no help
        ($Help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'documents every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in $Command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameter = $Help.Parameters.Parameter | Where-Object Name -EQ $name
            ($parameter.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has at least two examples' {
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}
