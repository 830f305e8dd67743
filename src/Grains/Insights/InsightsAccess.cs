using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Insights;

/// <summary>
/// The one rule of who may see tool insights, including the authors' most frequent messages (the script's text,
/// which may echo a name from an uploaded file): admins and superusers for every tool, and a tool's maintainers
/// (contributors named by an admin, the tool_maintainers rows the tool grain keeps) for that tool. The overview
/// of all tools stays with admins.
/// </summary>
internal sealed class InsightsAccess(NpgsqlDataSource db)
{
    public async ValueTask<bool> MaySeeToolAsync(ActingUser user, Guid toolId)
    {
        if (user.IsAtLeast(Role.Admin))
        {
            return true;
        }
        if (!user.IsAtLeast(Role.Contributor))
        {
            return false;
        }
        await using var maintains = db.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM tool_maintainers WHERE tool_id = @tool AND user_id = @user)");
        maintains.Parameters.AddWithValue("tool", toolId);
        maintains.Parameters.AddWithValue("user", user.UserId);
        return (bool)(await maintains.ExecuteScalarAsync())!;
    }

    public bool MaySeeOverview(ActingUser user) => user.IsAtLeast(Role.Admin);
}
