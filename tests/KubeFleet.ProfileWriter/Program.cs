using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

// Usage: KubeFleet.ProfileWriter <command> <profile path> [arguments]
//   add <profile> <writer> <count>  adds clusters <writer>-0 .. <writer>-<count-1>, one write each,
//                                   each with a token credential "token-<writer>-<i>"
//   churn <profile>                 rewrites cluster "churn" forever, counting writes in its label
//                                   "writes" and giving it a new token each time
//   hold <profile>                  takes the profile's lock, prints "locked", and keeps it until
//                                   standard input closes
// A KubeFleetException ends it with exit code 2 and "error: <ErrorId>: <message>" on stderr.
try
{
    var store = new ProfileStore(ProfileLocation.Resolve(args[1], SystemProfileEnvironment.Instance), SystemProfileEnvironment.Instance);
    switch (args[0])
    {
        case "add":
            var count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            for (var index = 0; index < count; index++)
            {
                var name = $"{args[2]}-{index}";
                store.Update(profile => profile.AddCluster(NewCluster(name, $"token-{name}")));
            }

            break;
        case "churn":
            for (var writes = 1; ; writes++)
            {
                store.Update(profile =>
                {
                    var cluster = profile.FindCluster("churn");
                    if (cluster is null)
                    {
                        cluster = NewCluster("churn", "");
                        profile.AddCluster(cluster);
                    }

                    cluster.Labels["writes"] = writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    cluster.SetAccess(Access($"token-churn-{writes}"));
                });
            }

        case "hold":
            store.Update(_ =>
            {
                Console.Out.WriteLine("locked");
                Console.Out.Flush();
                Console.In.ReadToEnd();
            });
            break;
        default:
            Console.Error.WriteLine($"unknown command {args[0]}");
            return 1;
    }

    return 0;
}
catch (KubeFleetException e)
{
    Console.Error.WriteLine($"error: {e.ErrorId}: {e.Message}");
    return 2;
}

static ClusterRecord NewCluster(string name, string token)
{
    var cluster = new ClusterRecord(name, new Uri("https://127.0.0.1:6443"), DateTimeOffset.UnixEpoch);
    cluster.SetAccess(Access(token));
    return cluster;
}

static ClusterAccess Access(string token) => new()
{
    Server = new Uri("https://127.0.0.1:6443"),
    Credential = new TokenCredential(token),
};
