using System.Collections;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using KubeFleet.Engine.Errors;

namespace KubeFleet.StandIn.Security;

/// <summary>
/// The users of one cluster and its bearer token table. Tokens issued here may expire; the users'
/// own tokens (<see cref="StandInUser.Token"/>) never do.
/// </summary>
public sealed class ClusterUsers : IReadOnlyCollection<StandInUser>
{
    private static readonly TimeSpan ClientCertificateLifetime = TimeSpan.FromDays(365);

    private readonly IReadOnlyList<StandInUser> users;
    private readonly ConcurrentDictionary<string, TokenGrant> tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    internal ClusterUsers(CertificateAuthority authority, TimeProvider clock)
    {
        this.clock = clock;
        var now = clock.GetUtcNow();
        var adminCertificate = authority.IssueClientCertificate(UserNames.Admin, [UserNames.Masters], now.AddHours(-1), now.Add(ClientCertificateLifetime));
        users =
        [
            new StandInUser(UserNames.Admin, "", [UserNames.Masters], CredentialKind.ClientCertificate, adminCertificate, token: null),
            new StandInUser(UserNames.Viewer, NewUid(), ["viewers"], CredentialKind.Token, clientCertificate: null, NewToken()),
            new StandInUser(UserNames.Scoped, NewUid(), ["shop-readers"], CredentialKind.Token, clientCertificate: null, NewToken()),
            new StandInUser(UserNames.ExecAdmin, NewUid(), [UserNames.Masters], CredentialKind.Exec, clientCertificate: null, token: null),
        ];
        foreach (var user in users.Where(u => u.Token is not null))
        {
            tokens[user.Token!] = new TokenGrant(user, now, ExpiresAt: null);
        }
    }

    public int Count => users.Count;

    public StandInUser Admin => this[UserNames.Admin];

    public StandInUser Viewer => this[UserNames.Viewer];

    public StandInUser Scoped => this[UserNames.Scoped];

    public StandInUser ExecAdmin => this[UserNames.ExecAdmin];

    public StandInUser this[string name] => Find(name) ?? throw new KubeFleetException("StandInUserNotFound", ErrorKind.ObjectNotFound,
        $"The stand-in has no user '{name}'. Its users are: {string.Join(", ", users.Select(u => u.Name))}.", name);

    public StandInUser? Find(string name) => users.FirstOrDefault(u => u.Name == name);

    /// <summary>
    /// Adds a bearer token for <paramref name="user"/> to the table; it stops authenticating
    /// <paramref name="lifetime"/> from now (never when null).
    /// </summary>
    public string IssueToken(string user, TimeSpan? lifetime = null)
    {
        var holder = this[user];
        var token = NewToken();
        var now = clock.GetUtcNow();
        tokens[token] = new TokenGrant(holder, now, now + lifetime);
        return token;
    }

    public IEnumerator<StandInUser> GetEnumerator() => users.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal TokenGrant? FindToken(string token) => tokens.TryGetValue(token, out var grant) ? grant : null;

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static string NewUid() => Guid.NewGuid().ToString();
}

/// <summary>One row of the token table.</summary>
internal sealed record TokenGrant(StandInUser User, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt);
