using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;

// One executable, two roles: the fleet launcher, and (as "exec-credential") the exec plugin.
if (args.Length > 0 && args[0] == ExecCredentialCommand.Name)
{
    return ExecCredentialCommand.Run(args[1..], Console.Out, Console.Error, !Console.IsInputRedirected, Environment.GetEnvironmentVariable, TimeProvider.System);
}

return await Launcher.RunAsync(args, Console.Out, Console.Error);
