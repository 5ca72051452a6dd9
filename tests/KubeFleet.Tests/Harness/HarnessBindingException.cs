namespace KubeFleet.Tests.Harness;

/// <summary>
/// The harness could not bind the test's parameters or input as PowerShell would (PowerShell reports
/// a ParameterBindingException before the cmdlet runs): the cmdlet's own code never ran for it.
/// </summary>
public sealed class HarnessBindingException(string message) : Exception(message);
