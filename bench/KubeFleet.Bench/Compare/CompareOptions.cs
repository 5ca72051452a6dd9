namespace KubeFleet.Bench.Compare;

/// <summary>What <c>compare</c> runs: which scenarios, how many repetitions, and where the record goes.</summary>
/// <param name="KubectlRepetitions">Repetitions of the kubectl rows, which take minutes each; 0 leaves them out.</param>
/// <param name="OutputPath">The markdown file to write; null writes it to standard output.</param>
internal sealed record CompareOptions(IReadOnlyList<string> Scenarios, int Repetitions, int KubectlRepetitions, string? OutputPath);
