using System.Management.Automation;
using System.Reflection;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness;

/// <summary>
/// Runs a real cmdlet class in-process as PowerShell would: binds parameters by name and pipeline
/// input by value or property name, picks the parameter set, runs begin, process (once per input)
/// and end, answers ShouldProcess as -WhatIf or -Confirm would, and records everything it writes.
/// </summary>
/// <example>
/// <code>
/// var run = new CmdletHarness&lt;GetKubeClusterCommand&gt;()
///     .With("Name", "prod-*").InDirectory(testDirectory).Invoke();
/// Assert.Equal(["prod-eu"], run.OutputOf&lt;ClusterInfo&gt;().Select(c => c.Name));
/// </code>
/// </example>
public sealed class CmdletHarness<TCmdlet>
    where TCmdlet : KubeFleetCmdlet, new()
{
    private readonly CommandModel command = CommandModelReader.Read(typeof(TCmdlet));
    private readonly HarnessSettings settings = new();
    private readonly Dictionary<ParameterModel, object?> arguments = [];
    private readonly List<object?> pipelineInput = [];
    private bool hasPipelineInput;
    private TCmdlet? running;
    private HarnessHost? runningHost;

    /// <summary>Binds a parameter by name or alias, converting the value as PowerShell would.</summary>
    public CmdletHarness<TCmdlet> With(string parameterName, object? value)
    {
        var parameter = Parameter(parameterName);
        if (parameter.IsSwitch)
        {
            throw new HarnessBindingException($"-{parameter.Name} is a switch: use WithSwitch(\"{parameter.Name}\").");
        }

        arguments[parameter] = Convert(parameter, value);
        return this;
    }

    /// <summary>-Name, or -Name:$false when <paramref name="present"/> is false.</summary>
    public CmdletHarness<TCmdlet> WithSwitch(string parameterName, bool present = true)
    {
        var parameter = Parameter(parameterName);
        if (!parameter.IsSwitch)
        {
            throw new HarnessBindingException($"-{parameter.Name} is not a switch: use With(\"{parameter.Name}\", value).");
        }

        arguments[parameter] = present;
        return this;
    }

    /// <summary>Pipes these objects in: process runs once per object.</summary>
    public CmdletHarness<TCmdlet> WithPipelineInput(params object?[] items)
    {
        pipelineInput.AddRange(items);
        hasPipelineInput = true;
        return this;
    }

    public CmdletHarness<TCmdlet> WithWhatIf()
    {
        RequireShouldProcess("-WhatIf");
        settings.WhatIf = true;
        return this;
    }

    /// <summary>-Confirm, with the user's answers to the prompts in order.</summary>
    public CmdletHarness<TCmdlet> WithConfirm(params ConfirmAnswer[] answers)
    {
        RequireShouldProcess("-Confirm");
        settings.Confirm = true;
        settings.ConfirmAnswers.AddRange(answers);
        return this;
    }

    /// <summary>-ErrorAction Stop: the first non-terminating error becomes the <see cref="CmdletRun.TerminatingError"/>.</summary>
    public CmdletHarness<TCmdlet> WithErrorActionStop()
    {
        settings.ErrorActionStop = true;
        return this;
    }

    /// <summary>The environment the cmdlet sees; the real process environment is never read.</summary>
    public CmdletHarness<TCmdlet> WithEnvironmentVariable(string name, string? value)
    {
        settings.Environment[name] = value;
        return this;
    }

    /// <summary>PowerShell's current location: relative paths resolve against it.</summary>
    public CmdletHarness<TCmdlet> InDirectory(string directory)
    {
        settings.WorkingDirectory = directory;
        return this;
    }

    /// <summary>What <c>~</c> resolves to.</summary>
    public CmdletHarness<TCmdlet> WithHomeDirectory(string directory)
    {
        settings.HomeDirectory = directory;
        return this;
    }

    /// <summary>Stops the command, as Ctrl+C would, as soon as what it wrote so far satisfies <paramref name="condition"/>.</summary>
    public CmdletHarness<TCmdlet> StopWhen(Func<CmdletRun, bool> condition)
    {
        settings.StopWhen = condition;
        return this;
    }

    /// <summary>Stops the running command from any thread, as Ctrl+C would.</summary>
    public void Stop()
    {
        runningHost?.MarkStopping();
        running?.InvokeStop();
    }

    public CmdletRun Invoke()
    {
        var run = new CmdletRun();
        var host = new HarnessHost(settings, run, Stop);
        using var cmdlet = new TCmdlet();
        cmdlet.UseHost(host);
        foreach (var (parameter, value) in arguments)
        {
            Assign(cmdlet, host, parameter, value);
        }

        var commandLine = arguments.Keys.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        run.ParameterSetName = ResolveSet(commandLine, expectingPipeline: hasPipelineInput);
        var pipelineDefaults = command.Parameters.Where(p => p.TakesPipelineInput && !arguments.ContainsKey(p))
            .ToDictionary(p => p, p => p.Property.GetValue(cmdlet));
        (running, runningHost) = (cmdlet, host);
        try
        {
            RunBlock(host, cmdlet.InvokeBegin);
            if (hasPipelineInput)
            {
                foreach (var item in pipelineInput)
                {
                    var fromPipeline = BindPipelineInput(cmdlet, host, item, pipelineDefaults, run.ParameterSetName);
                    run.ParameterSetName = ResolveSet(commandLine.Union(fromPipeline).ToHashSet(StringComparer.OrdinalIgnoreCase), expectingPipeline: false);
                    RunBlock(host, cmdlet.InvokeProcess);
                }
            }
            else
            {
                RunBlock(host, cmdlet.InvokeProcess);
            }

            RunBlock(host, cmdlet.InvokeEnd);
        }
        catch (PipelineStoppedException)
        {
            run.Stopped = true;
        }
        catch (TerminatingErrorThrown terminating)
        {
            run.TerminatingError = terminating.Error;
        }
        finally
        {
            (running, runningHost) = (null, null);
        }

        return run;
    }

    private static void RunBlock(HarnessHost host, Action block)
    {
        host.EnterBlock();
        try
        {
            block();
        }
        finally
        {
            host.LeaveBlock();
        }
    }

    private string ResolveSet(IReadOnlySet<string> bound, bool expectingPipeline)
    {
        // Before the first input object, what the pipeline will bind counts as bound, as PowerShell assumes.
        var resolution = ParameterSetResolver.Resolve(command, set => expectingPipeline
            ? bound.Union(command.ParametersIn(set).Where(p => p.In(set)!.ValueFromPipeline || p.In(set)!.ValueFromPipelineByPropertyName).Select(p => p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : bound);
        if (resolution.SetName is null)
        {
            throw new HarnessBindingException($"Parameter set cannot be resolved for {command.Name}: {resolution.Problem}.");
        }

        var missing = expectingPipeline ? [] : ParameterSetResolver.MissingMandatory(command, resolution.SetName, bound);
        if (missing.Count > 0)
        {
            throw new HarnessBindingException(
                $"{command.Name} needs the mandatory parameters {string.Join(", ", missing.Select(m => "-" + m))} in parameter set '{resolution.SetName}'; a non-interactive PowerShell fails here.");
        }

        return resolution.SetName;
    }

    private HashSet<string> BindPipelineInput(TCmdlet cmdlet, HarnessHost host, object? item, Dictionary<ParameterModel, object?> defaults, string commandLineSet)
    {
        // PowerShell restores what the previous input object bound before binding the next one.
        foreach (var (parameter, value) in defaults)
        {
            parameter.Property.SetValue(cmdlet, value);
            host.Bound.Remove(parameter.Name);
        }

        // PowerShell binds an input object in passes: by value, then by property name, first with
        // no conversion and then with conversion; the first pass that binds anything wins.
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var convert in new[] { false, true })
        {
            var candidates = ParameterSetResolver.Resolve(command, host.Bound.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)).Candidates;
            var byValue = defaults.Keys.FirstOrDefault(p => candidates.Any(set => p.In(set)?.ValueFromPipeline == true) && Binds(item, p, convert));
            if (byValue is not null)
            {
                ParameterValues.TryConvert(item, byValue.Type, out var converted);
                Assign(cmdlet, host, byValue, converted);
                bound.Add(byValue.Name);
                candidates = candidates.Where(set => byValue.In(set)?.ValueFromPipeline == true).ToList();
            }

            foreach (var parameter in defaults.Keys.Where(p => !bound.Contains(p.Name) && candidates.Any(set => p.In(set)?.ValueFromPipelineByPropertyName == true)))
            {
                var property = item?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(candidate => parameter.Answers(candidate.Name));
                if (property?.GetValue(item) is var value && property is not null && Binds(value, parameter, convert))
                {
                    ParameterValues.TryConvert(value, parameter.Type, out var converted);
                    Assign(cmdlet, host, parameter, converted);
                    bound.Add(parameter.Name);
                }
            }

            if (bound.Count > 0)
            {
                break;
            }
        }

        if (bound.Count == 0)
        {
            throw new HarnessBindingException(
                $"The input object cannot be bound to any parameters of {command.Name} (parameter set '{commandLineSet}'): it is a {item?.GetType().FullName ?? "null"}.");
        }

        return bound;
    }

    private static bool Binds(object? value, ParameterModel parameter, bool convert) =>
        convert ? ParameterValues.TryConvert(value, parameter.Type, out _) : ParameterValues.IsExact(value, parameter.Type);

    private static void Assign(TCmdlet cmdlet, HarnessHost host, ParameterModel parameter, object? value)
    {
        // The stub's SwitchParameter cannot carry a value, and paging parameters live on
        // PagingParameters rather than the cmdlet: the host answers for both.
        if (!parameter.IsSwitch && !parameter.IsPagingParameter)
        {
            ParameterValidation.Validate(parameter, value);
            parameter.Property.SetValue(cmdlet, value);
        }

        host.Bound[parameter.Name] = value;
    }

    private ParameterModel Parameter(string nameOrAlias) =>
        command.FindParameter(nameOrAlias)
        ?? throw new HarnessBindingException($"A parameter cannot be found that matches parameter name '{nameOrAlias}' on {command.Name}.");

    private static object? Convert(ParameterModel parameter, object? value) =>
        ParameterValues.TryConvert(value, parameter.Type, out var converted)
            ? converted
            : throw new HarnessBindingException($"Cannot convert {value?.GetType().FullName ?? "null"} to the type {parameter.Type.FullName} of -{parameter.Name}.");

    private void RequireShouldProcess(string switchName)
    {
        if (!command.SupportsShouldProcess)
        {
            throw new HarnessBindingException($"{command.Name} does not declare SupportsShouldProcess, so PowerShell gives it no {switchName}.");
        }
    }
}
