#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, analyzes and packages the KubeFleet module.
.DESCRIPTION
    Build   assembles the importable module folder out/KubeFleet/ (dotnet build).
    Test    runs the xunit suites over the whole solution, then the Pester suite
            (tests/*.Tests.ps1) in a fresh pwsh when Pester 5 is installed.
    Analyze runs PSScriptAnalyzer over the built manifest, this script and the Pester suite with
            PSScriptAnalyzerSettings.psd1, and Test-ModuleManifest over the built manifest.
    Package writes out/packages/KubeFleet.<version>.nupkg, which Install-PSResource and
            Install-Module accept, from the module folder (PSResourceGet).
    A step whose tool is missing says what it skipped and why, and how to get the tool.
.EXAMPLE
    ./build.ps1
    Builds and tests.
.EXAMPLE
    ./build.ps1 -Task Build, Package -Configuration Release
    Builds a release module folder and packages it.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Analyze', 'Package')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = $PSScriptRoot
$ModuleFolder = Join-Path $RepoRoot 'out' 'KubeFleet'
$PackageFolder = Join-Path $RepoRoot 'out' 'packages'

function Write-Step {
    param([string] $Message)
    Write-Information "==> $Message" -InformationAction Continue
}

function Write-Skipped {
    param([string] $Step, [string] $Reason)
    Write-Warning "Skipped ${Step}: $Reason"
}

function Invoke-DotNet {
    param([string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Get-InstalledModule {
    param([string] $Name, [version] $MinimumVersion)
    Get-Module -ListAvailable -Name $Name |
        Where-Object Version -GE $MinimumVersion |
        Sort-Object Version -Descending |
        Select-Object -First 1
}

function Invoke-Build {
    Write-Step "Building the module folder ($Configuration) into $ModuleFolder"
    Invoke-DotNet @('build', (Join-Path $RepoRoot 'src' 'KubeFleet' 'KubeFleet.csproj'), '--configuration', $Configuration)
}

function Invoke-Test {
    Write-Step 'Running the xunit suites'
    Invoke-DotNet @('test', (Join-Path $RepoRoot 'KubeFleet.sln'), '--configuration', $Configuration)

    if (-not (Get-InstalledModule -Name Pester -MinimumVersion '5.0.0')) {
        Write-Skipped 'the Pester suite' 'Pester 5 is not installed. Install it with: Install-PSResource Pester'
        return
    }

    Write-Step 'Running the Pester suite in a fresh pwsh'
    # A fresh process: the module's assembly cannot be unloaded from this one once imported.
    & pwsh -NoProfile -NonInteractive -Command {
        param($TestsFolder)
        Import-Module Pester -MinimumVersion 5.0.0
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestsFolder
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $configuration
    } -args (Join-Path $RepoRoot 'tests')
    if ($LASTEXITCODE -ne 0) {
        throw 'The Pester suite failed.'
    }
}

function Invoke-Analyze {
    $manifest = Join-Path $ModuleFolder 'KubeFleet.psd1'
    if (-not (Test-Path $manifest)) {
        throw "There is no built manifest at ${manifest}: run ./build.ps1 -Task Build first."
    }

    Write-Step 'Testing the built manifest'
    Test-ModuleManifest -Path $manifest | Out-Null

    if (-not (Get-InstalledModule -Name PSScriptAnalyzer -MinimumVersion '1.21.0')) {
        Write-Skipped 'PSScriptAnalyzer' 'it is not installed. Install it with: Install-PSResource PSScriptAnalyzer'
        return
    }

    Write-Step 'Running PSScriptAnalyzer'
    $settings = Join-Path $RepoRoot 'PSScriptAnalyzerSettings.psd1'
    $targets = @($manifest, (Join-Path $RepoRoot 'build.ps1')) + @(Get-ChildItem (Join-Path $RepoRoot 'tests') -Filter '*.Tests.ps1' | ForEach-Object FullName)
    $findings = @($targets | ForEach-Object { Invoke-ScriptAnalyzer -Path $_ -Settings $settings })
    if ($findings.Count -gt 0) {
        $findings | Format-Table -AutoSize | Out-String | Write-Information -InformationAction Continue
        throw "PSScriptAnalyzer reported $($findings.Count) finding(s)."
    }
}

function Invoke-Package {
    if (-not (Get-InstalledModule -Name Microsoft.PowerShell.PSResourceGet -MinimumVersion '1.0.0')) {
        Write-Skipped 'Package' 'Microsoft.PowerShell.PSResourceGet is not installed (PowerShell 7.4 ships it). Install it with: Install-Module Microsoft.PowerShell.PSResourceGet'
        return
    }

    Write-Step "Packaging $ModuleFolder into $PackageFolder"
    New-Item -ItemType Directory -Force -Path $PackageFolder | Out-Null
    # Publishing to a folder repository is how PSResourceGet writes a .nupkg that both
    # Install-PSResource and Install-Module accept.
    $repository = "KubeFleetBuild-$PID"
    Register-PSResourceRepository -Name $repository -Uri $PackageFolder -Trusted
    try {
        Publish-PSResource -Path $ModuleFolder -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }

    Get-ChildItem $PackageFolder -Filter 'KubeFleet.*.nupkg' | ForEach-Object { Write-Step "Wrote $($_.FullName)" }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Analyze' { Invoke-Analyze }
        'Package' { Invoke-Package }
    }
}
