using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>A grain-storage version conflict reaches the caller as a Swedish CONFLICT, not a storage exception.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityStorageConflictTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_nomination_written_elsewhere_meanwhile_is_refused_as_a_conflict()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);
        var nomination = await grain.NominateAsync(admin, "Kunnig");
        // Another writer bumped the stored version: this activation's next write no longer matches it.
        Assert.Equal(1, await BumpStoredVersionAsync(nomination.Id));

        var error = await Assert.ThrowsAsync<DomainException>(() => grain.DenyAsync(superuser, nomination.Id, null));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Contains("samtidigt", error.Message);
    }

    private async Task<int> BumpStoredVersionAsync(Guid stateId)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(
            """
            UPDATE orleans_storage SET version = version + 1
            WHERE position(convert_to(@text, 'UTF8') in payload_binary) > 0 OR position(@bytes in payload_binary) > 0
            """);
        cmd.Parameters.AddWithValue("text", stateId.ToString());
        cmd.Parameters.AddWithValue("bytes", stateId.ToByteArray());
        return await cmd.ExecuteNonQueryAsync();
    }
}
