using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Faults;

namespace KubeFleet.StandIn.Security;

/// <summary>
/// A cluster's serving certificates: the valid one, and (made on first use) an expired and a
/// not-yet-valid one for the certificate faults. All are signed by the cluster's CA and carry the
/// same names, so the only thing wrong with a faulty one is its validity period.
/// </summary>
public sealed class ServerCertificates : IDisposable
{
    private static readonly TimeSpan FaultOffset = TimeSpan.FromHours(1);

    private readonly CertificateAuthority authority;
    private readonly string commonName;
    private readonly IReadOnlyList<string> extraNames;
    private readonly Lazy<IssuedCertificate> expired;
    private readonly Lazy<IssuedCertificate> notYetValid;

    public ServerCertificates(CertificateAuthority authority, string commonName, IReadOnlyList<string> extraNames, TimeProvider clock)
    {
        this.authority = authority;
        this.commonName = commonName;
        this.extraNames = extraNames;
        var now = clock.GetUtcNow();
        Valid = Issue(now.AddHours(-1), now.AddYears(1));
        expired = new Lazy<IssuedCertificate>(() => Issue(clock.GetUtcNow().AddDays(-30), clock.GetUtcNow() - FaultOffset));
        notYetValid = new Lazy<IssuedCertificate>(() => Issue(clock.GetUtcNow() + FaultOffset, clock.GetUtcNow().AddDays(30)));
    }

    public IssuedCertificate Valid { get; }

    public X509Certificate2 For(ServerCertificateFault fault) => fault switch
    {
        ServerCertificateFault.Expired => expired.Value.Certificate,
        ServerCertificateFault.NotYetValid => notYetValid.Value.Certificate,
        _ => Valid.Certificate,
    };

    public void Dispose()
    {
        Valid.Certificate.Dispose();
        if (expired.IsValueCreated)
        {
            expired.Value.Certificate.Dispose();
        }

        if (notYetValid.IsValueCreated)
        {
            notYetValid.Value.Certificate.Dispose();
        }
    }

    private IssuedCertificate Issue(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        authority.IssueServerCertificate(commonName, extraNames, notBefore, notAfter);
}
