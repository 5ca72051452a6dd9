namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>The names, images and ports application teams use.</summary>
internal static class AppNames
{
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "payments", "search", "identity", "analytics", "checkout", "catalog", "orders", "notifications", "inventory",
        "data-platform", "ml-serving", "reporting", "billing", "customer-portal", "partner-api", "logistics", "marketing",
        "recommendations", "media", "support",
    ];

    public static readonly IReadOnlyList<string> Teams = ["platform", "storefront", "fintech", "data", "growth", "core"];

    public static readonly IReadOnlyList<string> Services =
    [
        "web", "api", "worker", "frontend", "gateway", "auth", "cart", "checkout", "catalog", "search", "orders", "payments",
        "inventory", "notifications", "scheduler", "reports", "recommendations", "reviews", "shipping", "pricing", "media",
        "profile", "session", "ledger", "exporter", "importer", "webhooks", "admin", "graphql", "backoffice",
    ];

    public static readonly IReadOnlyList<(string Name, string Image, int Port, string Component)> Stateful =
    [
        ("postgres", "postgres:16.6", 5432, "database"),
        ("redis", "redis:7.4.1", 6379, "cache"),
        ("kafka", "bitnami/kafka:3.9.0", 9092, "queue"),
        ("rabbitmq", "rabbitmq:4.0.5-management", 5672, "queue"),
        ("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:8.17.0", 9200, "database"),
        ("mongodb", "mongo:8.0.4", 27017, "database"),
    ];

    public static readonly IReadOnlyList<string> CronJobs = ["nightly-report", "cleanup", "backup", "sync-catalog", "rotate-keys", "send-digest", "reindex"];

    public static readonly IReadOnlyList<string> Jobs = ["db-migrate", "backfill", "seed-data"];

    /// <summary>Public images some teams run their batch work on, unpinned.</summary>
    public static readonly IReadOnlyList<string> UnpinnedBatchImages = ["busybox:latest", "bitnami/kubectl:latest", "alpine"];

    public static string Component(string service) => service switch
    {
        "web" or "frontend" or "gateway" or "admin" or "backoffice" => "frontend",
        "worker" or "exporter" or "importer" or "scheduler" or "notifications" => "worker",
        _ => "backend",
    };

    /// <summary>Whether the service answers HTTP for end users (so it gets the namespace's ingress).</summary>
    public static bool FacesUsers(string service) => Component(service) == "frontend" || service is "api" or "graphql";
}
