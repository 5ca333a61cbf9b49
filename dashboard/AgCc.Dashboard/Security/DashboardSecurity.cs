using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AgCc.Hosting.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgCc.Dashboard.Security;

/// <summary>
/// The dashboard's one rule (docs/dashboard.md): without a sign-in it serves loopback only (and
/// refuses to start bound elsewhere); with one, every page, endpoint and the Orleans ops dashboard
/// need a signed-in user (cookie, from /signin) or the API key (`X-Api-Key`).
/// </summary>
public static class DashboardSecurity
{
    /// <summary>Reads and checks the sign-in settings against the configured URLs; when the dashboard must not start, says why and exits (code 2).</summary>
    public static SignInOptions AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SignInOptions.Section);
        var signIn = section.Get<SignInOptions>() ?? new SignInOptions();
        if (signIn.Problems() is { Count: > 0 } problems) Refuse(string.Join("; ", problems));
        var urls = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (BindingRule.Refusal(urls, signIn) is { } refusal) Refuse(refusal);
        builder.Services.Configure<SignInOptions>(section);
        if (!signIn.IsConfigured) return signIn;

        // One scheme that forwards: the API key when the request carries one (a wrong key answers
        // 401), else the cookie (an anonymous browser is sent to /signin).
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.Cookie.Name = "agcc-signin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return signIn;
    }

    /// <summary>Authentication and the sign-in endpoints (when configured), and a check of the addresses the server really listens on.</summary>
    public static void UseDashboardSecurity(this WebApplication app, SignInOptions signIn)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Kestrel endpoints can come from elsewhere than --urls: check what it really bound.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (BindingRule.Refusal(addresses, signIn) is not { } refusal) return;
            app.Logger.LogCritical("{Refusal}", refusal);
            Console.Error.WriteLine($"agcc dashboard: stopping: {refusal}");
            Environment.ExitCode = 2;
            app.Lifetime.StopApplication();
        });
        if (!signIn.IsConfigured) return;

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(SignInPath, (HttpContext context) => Results.Content(SignInPage(context.Request.Query["ReturnUrl"], failed: false), "text/html")).AllowAnonymous();
        app.MapPost(SignInPath, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = LocalOrRoot(form["returnUrl"]);
            var options = signIn;
            var user = form["user"].ToString();
            var userMatches = options.HasPassword && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(options.User!));
            // Always derive the hash, so a wrong user name takes as long as a wrong password.
            var passwordMatches = options.HasPassword && PasswordHashes.Verify(form["password"].ToString(), options.PasswordHash!);
            if (!(userMatches && passwordMatches))
                return Results.Content(SignInPage(returnUrl, failed: true), "text/html", statusCode: StatusCodes.Status401Unauthorized);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        });
    }

    public const string SignInPath = "/signin";

    private const string Scheme = "agcc";

    private static void Refuse(string reason)
    {
        Console.Error.WriteLine($"agcc dashboard: not starting: {reason}");
        Environment.Exit(2);
    }

    private static string LocalOrRoot(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/";

    private static string SignInPage(string? returnUrl, bool failed) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in · AgCc.Orleans</title>
        <style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}p.error{color:#b00020}</style></head>
        <body><h1>AgCc.Orleans</h1>
        {{(failed ? "<p class=\"error\" data-testid=\"signin-error\">Wrong user name or password.</p>" : "")}}
        <form method="post" action="{{SignInPath}}">
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(LocalOrRoot(returnUrl))}}">
        <label>User <input name="user" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form></body></html>
        """;
}
