using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cases.Model;
using Platform.Cases.Protection;
using Platform.Security.Protection;

namespace Platform.Cases.Tests;

/// <summary>Each person's details under a data key of her own, and people registered before keys re-sealed under one.</summary>
[Collection(CasesCollection.Name)]
public sealed class PersonKeyTests(CasesService cases)
{
    [Fact]
    public async Task Details_sealed_under_the_ring_before_keys_still_open_and_the_backfill_reseals_them_under_a_key_of_her_own()
    {
        using var desk = cases.Desk("eyupsultan-desk", "eyupsultan");
        var id = await desk.RegisterAsync(Casework.Person("Layal Barghouti", CasesService.NewForeignerId(), "1986-09-27", "eyupsultan", "service-delivery"));
        var protector = cases.Services.GetRequiredService<PersonalDataProtector>();
        var ownSealed = await cases.ScalarAsync<byte[]>("SELECT sealed_details FROM beneficiaries WHERE id = $1", id);
        Assert.Equal(0, ownSealed[1]);
        Assert.ThrowsAny<CryptographicException>(() => protector.OpenBytes(ownSealed, BeneficiaryDetails.Context(id)));

        // As a registration from before issue 19: sealed under the ring, no key row.
        var details = protector.Open(ownSealed, id, new PersonKey
        {
            BeneficiaryId = id, WrappedKey = await cases.ScalarAsync<byte[]>("SELECT wrapped_key FROM person_keys WHERE beneficiary_id = $1", id),
        });
        await cases.ExecuteAsync("DELETE FROM person_keys WHERE beneficiary_id = $1", id);
        await cases.ExecuteAsync("UPDATE beneficiaries SET sealed_details = $2 WHERE id = $1", id, protector.Seal(details, BeneficiaryDetails.Context(id)));
        Assert.Equal("Layal Barghouti", (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}")).GetProperty("fullName").GetString());

        Assert.True(await PersonKeyBackfill.RunAsync(cases.Services, CancellationToken.None) >= 1);

        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM person_keys WHERE beneficiary_id = $1", id));
        var resealed = await cases.ScalarAsync<byte[]>("SELECT sealed_details FROM beneficiaries WHERE id = $1", id);
        Assert.Equal(0, resealed[1]);
        Assert.Equal("Layal Barghouti", (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}")).GetProperty("fullName").GetString());
        Assert.Equal(0, await PersonKeyBackfill.RunAsync(cases.Services, CancellationToken.None));
    }
}
