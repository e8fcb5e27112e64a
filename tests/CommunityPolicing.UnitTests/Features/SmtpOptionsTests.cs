using CommunityPolicing.Web.Features.Notifications;
using MailKit.Security;

namespace CommunityPolicing.UnitTests.Features;

public sealed class SmtpOptionsTests
{
    [Theory]
    [InlineData(587, false, SecureSocketOptions.StartTls)]
    [InlineData(25, false, SecureSocketOptions.StartTls)]
    [InlineData(465, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(587, true, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(465, true, SecureSocketOptions.SslOnConnect)]
    public void Mail_goes_only_over_TLS_unless_plaintext_is_allowed(int port, bool allowPlaintext, SecureSocketOptions expected) =>
        Assert.Equal(expected, new SmtpOptions { Host = "smtp.example.kz", Port = port, AllowPlaintext = allowPlaintext }.SocketOptions);
}
