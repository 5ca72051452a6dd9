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

# The cluster registry against a stand-in fleet started by its launcher: what only a real
# PowerShell shows (pipeline binding, the table views, error records, completion).
Describe 'The cluster registry' {
    BeforeAll {
        $repositoryRoot = Split-Path $PSScriptRoot -Parent
        $standInBuild = Join-Path $TestDrive 'standin-build'
        & dotnet build (Join-Path $repositoryRoot 'tests' 'KubeFleet.StandIn') --artifacts-path $standInBuild --nologo --verbosity quiet
        if ($LASTEXITCODE -ne 0) { throw "The stand-in did not build (exit code $LASTEXITCODE)." }
        $standInDll = Get-ChildItem -Path (Join-Path $standInBuild 'bin' 'KubeFleet.StandIn') -Filter 'KubeFleet.StandIn.dll' -Recurse | Select-Object -First 1

        $script:FleetFolder = Join-Path $TestDrive 'fleet'
        $launcherOutput = Join-Path $TestDrive 'standin.out'
        # The launcher itself, not 'dotnet run': stopping it must stop the clusters it serves.
        $script:StandIn = Start-Process -FilePath 'dotnet' -PassThru -RedirectStandardOutput $launcherOutput `
            -ArgumentList @($standInDll.FullName, '--clusters', '2', '--pods-per-cluster', '30', '--out', $FleetFolder)
        $deadline = (Get-Date).AddMinutes(2)
        while (-not ((Test-Path $launcherOutput) -and (Get-Content $launcherOutput) -contains 'ready')) {
            if ($StandIn.HasExited -or (Get-Date) -gt $deadline) { throw "The stand-in fleet did not start: $(Get-Content $launcherOutput -Raw)" }
            Start-Sleep -Milliseconds 200
        }

        $script:Fleet = (Get-Content (Join-Path $FleetFolder 'fleet.json') -Raw | ConvertFrom-Json).clusters
        $script:RegistryProfile = Join-Path $TestDrive 'registry.json'
    }

    AfterAll {
        if ($StandIn -and -not $StandIn.HasExited) { Stop-Process -Id $StandIn.Id }
    }

    BeforeEach {
        Remove-Item -Path "$RegistryProfile*" -ErrorAction SilentlyContinue
    }

    It 'registers a verified cluster and shows it in a table' {
        $cluster = Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.admin -Label @{ env = 'prod' } -ProfilePath $RegistryProfile -PassThru

        $cluster.ClusterUid | Should -Be $Fleet[0].uid
        $cluster.Version | Should -Be $Fleet[0].version
        $cluster.AuthKind | Should -Be 'ClientCertificate'
        $table = Get-KubeCluster -ProfilePath $RegistryProfile | Format-Table | Out-String
        $table | Should -Match 'one\s+one\s+v1\.\d+\.\d+\s+ClientCertificate\s+admin'
        $table | Should -Match 'env=prod'
    }

    It 'binds Get-KubeCluster output to Set-, Test- and Unregister-KubeCluster' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.viewer -ProfilePath $RegistryProfile
        Register-KubeCluster -Name two -KubeConfigPath $Fleet[1].kubeconfigs.viewer -ProfilePath $RegistryProfile

        Get-KubeCluster -ProfilePath $RegistryProfile | Set-KubeCluster -Description 'stand-in' -ProfilePath $RegistryProfile
        (Get-KubeCluster -ProfilePath $RegistryProfile).Description | Should -Be @('stand-in', 'stand-in')

        $results = Get-KubeCluster -ProfilePath $RegistryProfile | Test-KubeCluster -ProfilePath $RegistryProfile
        $results.Status | Should -Be @('Healthy', 'Healthy')
        ($results | Format-Table | Out-String) | Should -Match 'Healthy'

        Get-KubeCluster -Name t* -ProfilePath $RegistryProfile | Unregister-KubeCluster -ProfilePath $RegistryProfile -Confirm:$false
        (Get-KubeCluster -ProfilePath $RegistryProfile).Name | Should -Be 'one'
    }

    It 'keeps an omitted value and clears an empty one' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.viewer -DisplayName 'One' -Description 'first' -ProfilePath $RegistryProfile

        Set-KubeCluster -Name one -Description '' -ProfilePath $RegistryProfile
        $cluster = Get-KubeCluster -Name one -ProfilePath $RegistryProfile

        $cluster.DisplayName | Should -Be 'One'
        $cluster.Description | Should -BeNullOrEmpty
    }

    It 'reports failures with stable error ids' {
        { Register-KubeCluster -Name 'not a name' -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegisterKubeClusterNameInvalid,KubeFleet.Commands.RegisterKubeClusterCommand'
        { Register-KubeCluster -Name scoped -KubeConfigPath $Fleet[0].kubeconfigs.scoped -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClusterForbidden,KubeFleet.Commands.RegisterKubeClusterCommand'
        { Get-KubeCluster -Name absent -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'GetKubeClusterNotFound,KubeFleet.Commands.GetKubeClusterCommand'
        { Unregister-KubeCluster -Name absent -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnregisterKubeClusterNotFound,KubeFleet.Commands.UnregisterKubeClusterCommand'
        Unregister-KubeCluster -Name 'absent-*' -ProfilePath $RegistryProfile -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'refuses the same cluster under a second name unless forced' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.viewer -ProfilePath $RegistryProfile

        { Register-KubeCluster -Name again -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegisterKubeClusterDuplicateCluster,KubeFleet.Commands.RegisterKubeClusterCommand'
        Register-KubeCluster -Name again -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'rotates to a credential for the same cluster and refuses another cluster' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.viewer -Label @{ env = 'prod' } -ProfilePath $RegistryProfile

        Get-KubeCluster -Name one -ProfilePath $RegistryProfile | Update-KubeClusterCertificate -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile
        { Update-KubeClusterCertificate -Name one -KubeConfigPath $Fleet[1].kubeconfigs.admin -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'UpdateKubeClusterCertificateClusterMismatch,KubeFleet.Commands.UpdateKubeClusterCertificateCommand'

        $cluster = Get-KubeCluster -Name one -ProfilePath $RegistryProfile
        $cluster.AuthKind | Should -Be 'ClientCertificate'
        $cluster.Labels['env'] | Should -Be 'prod'
    }

    It 'takes exec plugin environment as SecureString and keeps it sealed' {
        $secret = ConvertTo-SecureString 'pester-secret-5e1d' -AsPlainText -Force
        Register-KubeCluster -Name exec -KubeConfigPath $Fleet[0].kubeconfigs.'exec-admin' -ExecEnvironment @{ AWS_SECRET_ACCESS_KEY = $secret } -ProfilePath $RegistryProfile

        (Get-KubeCluster -Name exec -ProfilePath $RegistryProfile).AuthKind | Should -Be 'Exec'
        Get-Content $RegistryProfile -Raw | Should -Not -Match 'pester-secret-5e1d'
        (Get-KubeCluster -ProfilePath $RegistryProfile | ConvertTo-Json -Depth 5) | Should -Not -Match 'pester-secret-5e1d'
    }

    It 'completes cluster names from the profile' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.viewer -ProfilePath $RegistryProfile
        $line = "Get-KubeCluster -ProfilePath '$RegistryProfile' -Name o"

        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completions.CompletionMatches.CompletionText | Should -Contain 'one'
    }

    It 'runs the whole flow: register, get, set, search, unregister' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile
        Register-KubeCluster -Name two -KubeConfigPath $Fleet[1].kubeconfigs.admin -ProfilePath $RegistryProfile
        Set-KubeCluster -Name two -Label @{ env = 'prod' } -ProfilePath $RegistryProfile

        $pods = Get-KubeCluster -Label @{ env = 'prod' } -ProfilePath $RegistryProfile | Search-KubeResource -Kind po -ProfilePath $RegistryProfile

        $pods.Count | Should -Be 30
        $pods.Cluster | Select-Object -Unique | Should -Be 'two'
        $pods[0].Object.spec.containers.Count | Should -BeGreaterThan 0
        ($pods[0] | ConvertTo-Json -Depth 20) | Should -Match '"Kind":\s*"Pod"'
        ($pods | Select-Object -First 3 | Format-Table | Out-String) | Should -Match 'Cluster\s+Namespace\s+Kind\s+Name\s+Status\s+Age'
        Unregister-KubeCluster -Name one, two -ProfilePath $RegistryProfile -Confirm:$false
        Get-KubeCluster -ProfilePath $RegistryProfile | Should -BeNullOrEmpty
    }

    It 'pages with -First, -Skip and -IncludeTotalCount' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile
        $query = "select * from resources where kind='Pod' order by name"

        $all = Search-KubeResource -Query $query -ProfilePath $RegistryProfile
        $page = Search-KubeResource -Query $query -Skip 2 -First 3 -ProfilePath $RegistryProfile
        $counted = Search-KubeResource -Kind pods -First 1 -IncludeTotalCount -ProfilePath $RegistryProfile

        $page.Name | Should -Be ($all | Select-Object -Skip 2 -First 3).Name
        $counted[-1].ToString() | Should -Match 'Total count: 30'
    }

    It 'reports a malformed query and a down cluster with stable error ids' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile

        { Search-KubeResource -Query "select * from resources where kind =" -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'QueryInvalid,KubeFleet.Commands.SearchKubeResourceCommand'
        { Search-KubeResource -Cluster absent -ProfilePath $RegistryProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'SearchKubeResourceClusterNotFound,KubeFleet.Commands.SearchKubeResourceCommand'
    }

    It 'completes resource kinds' {
        $line = 'Search-KubeResource -Kind deplo'

        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completions.CompletionMatches.CompletionText | Should -Contain 'deployments'
    }

    It 'pipes search results into relations, audits and workspaces' {
        Register-KubeCluster -Name one -KubeConfigPath $Fleet[0].kubeconfigs.admin -ProfilePath $RegistryProfile
        Set-KubeCluster -Name one -AddWorkspace team -ProfilePath $RegistryProfile

        $deployment = Search-KubeResource -Workspace team -Kind deploy -First 1 -ProfilePath $RegistryProfile
        $owned = $deployment | Get-KubeResourceRelation -Relation Owns -ProfilePath $RegistryProfile
        $audits = $deployment | Test-KubeResource -ProfilePath $RegistryProfile

        $owned.Related.Kind | Select-Object -Unique | Should -Be 'ReplicaSet'
        ($owned | Get-KubeResourceRelation -Relation Owns -ProfilePath $RegistryProfile).Related.Kind | Select-Object -Unique | Should -Be 'Pod'
        $audits.Name | Should -Be $deployment.Name
        (Get-KubeWorkspace -ProfilePath $RegistryProfile).ClusterCount | Should -Be 1
        $shared = Join-Path $TestDrive 'team.kubefleet.json'
        Export-KubeWorkspace -Name team -Path $shared -ProfilePath $RegistryProfile
        Get-Content $shared -Raw | Should -Not -Match 'PRIVATE KEY'
    }
}
