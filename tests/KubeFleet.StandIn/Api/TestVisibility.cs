using System.Runtime.CompilerServices;

// The stand-in's own tests check pure pieces (age formatting) directly, besides everything over HTTP.
[assembly: InternalsVisibleTo("KubeFleet.StandIn.Tests")]
