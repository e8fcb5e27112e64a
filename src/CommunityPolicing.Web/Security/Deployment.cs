using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityPolicing.Web.Security;

/// <summary>What a deployment outside Development must set: the host names it answers to and how its keys are kept.</summary>
public static class Deployment
{
    public const string CertificatePath = "DataProtection:CertificatePath";
    public const string CertificatePassword = "DataProtection:CertificatePassword";

    /// <summary>
    /// Outside Development the app refuses to start while <c>AllowedHosts</c> is <c>*</c> or empty: with any Host
    /// header accepted, links the app builds from the request (calendar feeds) can be made to point elsewhere.
    /// </summary>
    public static void RequireNamedHosts(IConfiguration configuration, IHostEnvironment environment)
    {
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!environment.IsDevelopment() && (hosts.Length == 0 || hosts.Contains("*")))
        {
            throw new InvalidOperationException(
                "AllowedHosts is \"*\": outside Development name the host names the app answers to, separated by semicolons " +
                "(AllowedHosts=police.example.kz;www.police.example.kz, or the environment variable AllowedHosts).");
        }
    }

    /// <summary>
    /// Data Protection keys (cookies, antiforgery, two-factor) live in PostgreSQL; with a certificate set they are
    /// encrypted with it, so a copy of the database (a backup) does not carry usable keys. Returns whether they are.
    /// </summary>
    public static bool ProtectKeys(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        if (configuration[CertificatePath] is not { Length: > 0 } path)
        {
            return false;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePassword], X509KeyStorageFlags.EphemeralKeySet);
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return true;
    }

    public const string UnprotectedKeysWarning =
        "Data Protection keys are stored in PostgreSQL unencrypted. Set DataProtection:CertificatePath to a PFX file " +
        "(and DataProtection:CertificatePassword) to encrypt them, e.g. DataProtection__CertificatePath=/run/secrets/dataprotection.pfx";
}
