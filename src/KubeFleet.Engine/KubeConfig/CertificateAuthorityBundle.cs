using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>Checks that a certificate authority bundle holds at least one readable PEM certificate.</summary>
internal static class CertificateAuthorityBundle
{
    public static string Check(string pem, string owner, KubeConfigOrigin origin)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw Invalid(owner, origin, "holds a damaged certificate", e);
        }
        try
        {
            if (certificates.Count == 0)
            {
                throw Invalid(owner, origin, "holds no PEM certificate ('-----BEGIN CERTIFICATE-----')", null);
            }
            return pem;
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static KubeFleetException Invalid(string owner, KubeConfigOrigin origin, string problem, Exception? inner) =>
        new(KubeConfigErrorIds.InvalidPem, ErrorKind.InvalidData,
            $"The certificate authority of the {owner} {origin.Where} {problem}. It must be the CA's certificate in PEM form (client-go refuses anything else too): export it again.",
            origin.Target, inner);
}
