using System.Net;
using System.Text.Json;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// /api/v1/me/favorites and /api/v1/me/recent-tools over real HTTP (real login, sessions and CSRF tokens): starring
/// is idempotent, only published tools, each person reaches only their own favorites.
/// </summary>
public sealed class MyToolsApiTests(ToolsApiHostFixture fixture) : IClassFixture<ToolsApiHostFixture>
{
    [Fact]
    public async Task Repeated_puts_and_deletes_answer_204_and_leave_one_favorite_or_none()
    {
        var tool = await PublishedToolAsync("Favorit");
        using var teacher = await fixture.CreateAsync("user");

        await teacher.ExpectAsync(NoContent, Star(teacher, tool));
        await teacher.ExpectAsync(NoContent, Star(teacher, tool)); // a repeated PUT
        Assert.Equal([tool], await FavoritesAsync(teacher));

        await teacher.ExpectAsync(NoContent, Unstar(teacher, tool));
        await teacher.ExpectAsync(NoContent, Unstar(teacher, tool)); // a repeated DELETE
        await teacher.ExpectAsync(NoContent, Unstar(teacher, Guid.NewGuid())); // never starred: nothing to tell
        Assert.Empty(await FavoritesAsync(teacher));
    }

    [Fact]
    public async Task Only_published_tools_can_be_starred_and_a_depublished_favorite_returns_when_republished()
    {
        var admin = fixture.Admin;
        var tool = await PublishedToolAsync("Återkommande");
        var draftOnly = ToolRouteWorld.Id(await admin.ExpectAsync(Created, admin.PostAsync("api/v1/tools", ToolRouteWorld.Metadata(Slug(), "Opublicerad"))));
        using var teacher = await fixture.CreateAsync("user");

        await Refused(NotFound, "NOT_FOUND", teacher, Star(teacher, draftOnly));
        await Refused(NotFound, "NOT_FOUND", teacher, Star(teacher, Guid.NewGuid()));
        await Refused(NotFound, "NOT_FOUND", teacher, teacher.SendAsync(HttpMethod.Put, "api/v1/me/favorites/inte-ett-id"));
        // Not even an admin, who may see the unpublished tool, can star it.
        await Refused(NotFound, "NOT_FOUND", admin, Star(admin, draftOnly));
        Assert.Empty(await FavoritesAsync(teacher));

        await teacher.ExpectAsync(NoContent, Star(teacher, tool));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{tool}/depublish"));
        Assert.Empty(await FavoritesAsync(teacher));
        await Refused(NotFound, "NOT_FOUND", teacher, Star(teacher, tool)); // hidden now: not starred anew

        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{tool}/publish"));
        Assert.Equal([tool], await FavoritesAsync(teacher));
    }

    [Fact]
    public async Task Another_persons_favorites_are_unreachable_and_untouched()
    {
        var tool = await PublishedToolAsync("Egen");
        using var teacher = await fixture.CreateAsync("user");
        using var colleague = await fixture.CreateAsync("user");
        await teacher.ExpectAsync(NoContent, Star(teacher, tool));

        Assert.Empty(await FavoritesAsync(colleague));
        await colleague.ExpectAsync(NoContent, Unstar(colleague, tool)); // removes only the colleague's own (none)
        Assert.Equal([tool], await FavoritesAsync(teacher));
        // No route names a person: one that tries is not there.
        await Refused(NotFound, "NOT_FOUND", colleague, colleague.GetAsync($"api/v1/users/{teacher.UserId}/favorites"));
        await Refused(NotFound, "NOT_FOUND", colleague, colleague.SendAsync(HttpMethod.Delete, $"api/v1/me/favorites/{tool}/{teacher.UserId}"));
        Assert.Equal([tool], await FavoritesAsync(teacher));
    }

    [Fact]
    public async Task Without_a_session_the_routes_answer_401_and_without_the_csrf_header_a_change_answers_403()
    {
        var tool = await PublishedToolAsync("Skyddad");
        using var anonymous = ApiSession.Anonymous(fixture.Host.BaseAddress);
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => anonymous.GetAsync("api/v1/me/favorites"), () => anonymous.GetAsync("api/v1/me/recent-tools"),
                     () => Star(anonymous, tool), () => Unstar(anonymous, tool),
                 })
        {
            await Refused(Unauthorized, "UNAUTHENTICATED", anonymous, call());
        }

        var email = $"csrf-{Guid.NewGuid():N}@verktyg.test";
        await fixture.Superuser.ExpectAsync(Created, fixture.Superuser.PostAsync("api/v1/users",
            new { email, displayName = "Csrf Lärare", password = ToolsApiHostFixture.Password, role = "user" }));
        using var teacher = await ApiUser.LoginAsync(fixture.Host.BaseAddress, email, ToolsApiHostFixture.Password);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
        {
            using var forged = await teacher.SendAsync(method, $"api/v1/me/favorites/{tool}", withCsrf: false);
            Assert.Equal(Forbidden, forged.StatusCode);
            Assert.Contains("CSRF_TOKEN_INVALID", await forged.Content.ReadAsStringAsync());
        }
        using var list = await teacher.GetAsync("api/v1/me/favorites");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        using var starred = await teacher.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{tool}");
        Assert.Equal(NoContent, starred.StatusCode);
    }

    private static Task<HttpResponseMessage> Star(ApiSession who, Guid tool) => who.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{tool}");

    private static Task<HttpResponseMessage> Unstar(ApiSession who, Guid tool) => who.SendAsync(HttpMethod.Delete, $"api/v1/me/favorites/{tool}");

    private static async Task<IReadOnlyList<Guid>> FavoritesAsync(ApiSession who) =>
        [.. (await who.ExpectAsync(OK, who.GetAsync("api/v1/me/favorites"))).EnumerateArray().Select(ToolRouteWorld.Id)];

    private static async Task Refused(HttpStatusCode status, string code, ApiSession who, Task<HttpResponseMessage> call)
    {
        var body = await who.ExpectAsync(status, call);
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
    }

    private static string Slug() => $"favorit-{Guid.NewGuid():N}"[..20];

    /// <summary>A tool published through the API (the starter script as its active version), no run needed.</summary>
    private async Task<Guid> PublishedToolAsync(string title)
    {
        var (admin, author) = (fixture.Admin, fixture.Contributor);
        var tool = ToolRouteWorld.Id(await admin.ExpectAsync(Created, admin.PostAsync("api/v1/tools", ToolRouteWorld.Metadata(Slug(), title))));
        var draft = ToolRouteWorld.Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tools/{tool}/versions", new { })));
        await author.ExpectAsync(OK, author.PostAsync($"api/v1/tool-versions/{draft}/submit-review", new { reviewNote = "Klar" }));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tool-versions/{draft}/publish"));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{tool}/publish"));
        return tool;
    }
}
