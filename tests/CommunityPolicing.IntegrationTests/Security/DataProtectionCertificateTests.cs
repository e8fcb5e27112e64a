using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommunityPolicing.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>A database of its own: the keys made here are encrypted with a certificate the other tests' app lacks.</summary>
public sealed class KeyCertificateApp : TestApp
{
    protected override string Name => "cp_keys";

    protected override bool DemoData => false;
}

public sealed class DataProtectionCertificateTests(KeyCertificateApp app) : IClassFixture<KeyCertificateApp>, IDisposable
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"cp-dp-{Guid.NewGuid():N}.pfx");

    public void Dispose() => File.Delete(_pfx);

    [Fact]
    public async Task With_a_certificate_the_keys_in_PostgreSQL_are_encrypted_and_still_work()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CommunityPolicing Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        using var host = app.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("DataProtection:CertificatePath", _pfx)
            .UseSetting("DataProtection:CertificatePassword", "pfx-password"));
        var key = host.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        await using var db = app.NewDbContext();
        var xml = await db.DataProtectionKeys.Where(k => k.FriendlyName == "key-" + key.KeyId.ToString("D")).Select(k => k.Xml).SingleAsync();
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml);
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
    }
}
