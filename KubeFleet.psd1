# The module manifest's source. The build writes out/KubeFleet/KubeFleet.psd1 from it with
# ModuleVersion (and any prerelease label) taken from <Version> in Directory.Build.props.
@{
    RootModule           = 'KubeFleet.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '007c4cdf-dde8-4711-9599-e2e11758ac1c'
    Author               = 'KubeFleet contributors'
    CompanyName          = 'KubeFleet contributors'
    Copyright            = '(c) KubeFleet contributors. All rights reserved.'
    Description          = 'Keeps a registry of Kubernetes clusters, with their credentials sealed, and searches and inspects resources across all of them at once.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('KubeFleet.format.ps1xml')

    # Kept equal to the module's cmdlet classes by a test (tests/KubeFleet.Tests/Module).
    CmdletsToExport      = @(
        'Register-KubeCluster'
        'Get-KubeCluster'
        'Set-KubeCluster'
        'Update-KubeClusterCertificate'
        'Test-KubeCluster'
        'Unregister-KubeCluster'
        'Get-KubeClusterSummary'
        'Test-KubeResource'
        'Get-KubeResourceRelation'
        'Search-KubeResource'
        'Get-KubeWorkspace'
        'Export-KubeWorkspace'
        'Import-KubeWorkspace'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Kubernetes', 'k8s', 'kubeconfig', 'MultiCluster', 'Fleet', 'Search', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/kubefleet/kubefleet'
            LicenseUri   = 'https://github.com/kubefleet/kubefleet/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/kubefleet/kubefleet/releases for the changes in each version.'
        }
    }
}
