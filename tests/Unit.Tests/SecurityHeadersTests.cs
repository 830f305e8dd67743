using Microsoft.AspNetCore.Http;
using Skriptoteket.Web.Security.Headers;

namespace Skriptoteket.Unit.Tests;

/// <summary>The security headers per kind of response, HSTS only over HTTPS, and the policy builder's output.</summary>
public sealed class SecurityHeadersTests
{
    private static IHeaderDictionary Apply(string path, bool https)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Scheme = https ? "https" : "http";
        SecurityHeaders.Apply(context);
        return context.Response.Headers;
    }

    [Fact]
    public void Pages_get_a_policy_without_inline_script_and_every_response_the_common_headers()
    {
        var headers = Apply("/tools/betyg/run", https: false);

        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Equal(["'self'"], ContentSecurityPolicy.ForApplication().Sources("script-src"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"].ToString());
        Assert.Contains("microphone=()", headers["Permissions-Policy"].ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.False(headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public void Https_responses_get_hsts()
    {
        Assert.Equal("max-age=31536000", Apply("/", https: true).StrictTransportSecurity.ToString());
    }

    [Fact]
    public void Api_responses_may_load_nothing()
    {
        Assert.StartsWith("base-uri 'none'; default-src 'none'", Apply("/api/v1/my-runs", https: false).ContentSecurityPolicy.ToString());
    }

    [Fact]
    public void Builder_adds_a_source_once_and_keeps_directives_in_a_stable_order()
    {
        var policy = new ContentSecurityPolicy()
            .Allow("worker-src", "'self'")
            .Allow("default-src", "'self'")
            .Allow("worker-src", "blob:", "'self'");

        Assert.Equal("default-src 'self'; worker-src 'self' blob:", policy.ToString());
    }
}
