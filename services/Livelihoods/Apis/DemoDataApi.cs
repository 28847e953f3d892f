namespace Platform.Livelihoods.Apis;

/// <summary>
/// Development only: the Gaziosmanpaşa pilot of the seed texts: one cohort with a kitchen and a sewing
/// workshop, 30 women, their products, four training sessions with attendance, a month of sales and the
/// licence checklist of three women. Loading twice adds nothing. Names and addresses are fictitious.
/// The pilot is run with the Gaziosmanpaşa municipality of the meetings demo directory, which this
/// service knows only once meetings has published it: load <c>POST /api/v1/meetings/demo-data</c> first.
/// </summary>
public static class DemoDataApi
{
    public const string PilotName = "Gaziosmanpaşa Kadın Girişimciliği Pilotu";
    /// <summary>
    /// The pilot's partner municipality as the meetings demo registers it (services/Meetings/Apis/DemoDataApi.cs).
    /// Its id is made when meetings registers it (a version 7 GUID), so it is found by name, kind and district.
    /// </summary>
    public const string GaziosmanpasaMunicipality = "Gaziosmanpaşa Belediyesi";

    public sealed record DemoDataResponse(Guid CohortId, bool Created, int Entrepreneurs, int Sales);

    public static IEndpointRouteBuilder MapDemoDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cohorts/demo-data", LoadAsync).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithTags("Cohorts").WithName("LoadLivelihoodsDemoData")
            .WithSummary("Development only: load the Gaziosmanpaşa pilot of the seed texts (after the meetings demo data, whose municipality runs it)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static readonly string[] GivenNames = ["Ayşe", "Fatma", "Zeynep", "Hatice", "Emine", "Meryem", "Elif", "Şeyma", "Esra", "Yasemin", "Amina", "Fatima", "Aisha", "Rania", "Leyla"];
    private static readonly string[] FamilyNames = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Halabi", "Haddad", "Darwish", "Khatib", "Nasser", "Saleh", "Hamdan", "Kurdi", "Abbas", "Mansour"];

    public static async Task<Results<Ok<DemoDataResponse>, ProblemHttpResult>> LoadAsync(ClaimsPrincipal user, LivelihoodsDbContext db, PersonalDataProtector protector, Placement placement, CancellationToken cancellationToken)
    {
        var partner = Partner.From(user);
        if (!partner.MayActIn("gaziosmanpasa")) return DistrictProblems.NotGranted(partner, "gaziosmanpasa");
        if (await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Name == PilotName && c.District == "gaziosmanpasa", cancellationToken) is { } existing)
            return TypedResults.Ok(new DemoDataResponse(existing.Id, false, await db.Entrepreneurs.CountAsync(e => e.CohortId == existing.Id, cancellationToken),
                await db.Sales.CountAsync(s => s.CohortId == existing.Id, cancellationToken)));

        var municipality = await db.Institutions.AsNoTracking()
            .Where(i => i.Name == GaziosmanpasaMunicipality && i.Kind == "municipality" && i.District == "gaziosmanpasa")
            .OrderBy(i => i.RegisteredAt).ThenBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (municipality is not { } gaziosmanpasaMunicipality)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Meetings demo data first",
                detail: $"The pilot is run with {GaziosmanpasaMunicipality}, which livelihoods has not learnt from the stakeholder directory yet. "
                    + "Load the meetings demo data first (POST /api/v1/meetings/demo-data), then try again in a moment.");

        var random = new Random(2021);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cohort = new Cohort
        {
            Id = Guid.CreateVersion7(), Name = PilotName, District = "gaziosmanpasa", PartnerInstitutionId = gaziosmanpasaMunicipality,
            StartsOn = new DateOnly(2021, 2, 1), EndsOn = new DateOnly(2021, 6, 30), CreatedAt = DateTimeOffset.UtcNow,
        };
        var kitchen = new Workshop { Id = Guid.CreateVersion7(), CohortId = cohort.Id, Kind = "kitchen", Name = "Mutfak atölyesi", Capacity = 15, Location = "Gaziosmanpaşa Belediyesi Kadın Merkezi" };
        var sewing = new Workshop { Id = Guid.CreateVersion7(), CohortId = cohort.Id, Kind = "sewing", Name = "Dikiş atölyesi", Capacity = 15, Location = "Gaziosmanpaşa Belediyesi Kadın Merkezi" };
        cohort.Workshops.AddRange([kitchen, sewing]);
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);

        var women = new List<(Entrepreneur Woman, Workshop Workshop)>();
        for (var i = 0; i < 30; i++)
        {
            var id = Guid.CreateVersion7();
            var name = $"{GivenNames[i % GivenNames.Length]} {FamilyNames[(i * 7) % FamilyNames.Length]}";
            var language = i % 3 == 0 ? "tr" : "ar";
            var woman = new Entrepreneur
            {
                Id = id, ReferenceCode = ReferenceCodes.New("ENT"), District = "gaziosmanpasa", Language = language, Skills = [i < 15 ? "cooking" : "sewing"],
                SealedDetails = protector.Seal(new EntrepreneurDetails(name, $"+90 5{random.Next(30, 60)} {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                    i % 2 == 0 ? $"kadin{i + 1:00}@gop-pilot.example.org" : null), Entrepreneur.Context(id)),
                HasEmail = i % 2 == 0, RegisteredBy = partner.ClientId, RegisteredAt = DateTimeOffset.UtcNow,
            };
            db.Entrepreneurs.Add(woman);
            var workshop = i < 15 ? kitchen : sewing;
            await placement.PlaceAsync(woman, cohort, workshop, cancellationToken);
            women.Add((woman, workshop));
        }

        var topics = new[] { ("entrepreneurship", "Girişimcilik eğitimi", 2), ("language", "Türkçe dil eğitimi", 3), ("computer", "Bilgisayar kullanımı", 4), ("business-licensing", "İş yeri ruhsatı bilgilendirmesi", 5) };
        foreach (var (topic, title, month) in topics)
        {
            var startsAt = new DateTimeOffset(2021, month, 10, 10, 0, 0, TimeSpan.FromHours(3));
            var training = new Training { Id = Guid.CreateVersion7(), CohortId = cohort.Id, Topic = topic, Title = title, StartsAt = startsAt.ToUniversalTime(), EndsAt = startsAt.AddHours(3).ToUniversalTime(), Location = kitchen.Location };
            foreach (var (woman, _) in women) training.Attendance.Add(new Attendance { TrainingId = training.Id, EntrepreneurId = woman.Id, Present = random.NextDouble() < 0.85 });
            db.Trainings.Add(training);
        }

        var sales = 0;
        foreach (var (woman, workshop) in women)
        {
            var products = workshop.Kind == "kitchen"
                ? new[] { new Product { Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, Name = "Ev yapımı mantı", Unit = "kg" }, new Product { Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, Name = "Börek", Unit = "tepsi" } }
                : [new Product { Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, Name = "Elbise", Unit = "adet" }, new Product { Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, Name = "Masa örtüsü", Unit = "adet" }];
            db.Products.AddRange(products);
            for (var n = random.Next(3, 9); n > 0; n--)
            {
                var product = products[random.Next(products.Length)];
                var quantity = product.Unit == "kg" ? random.Next(1, 6) : random.Next(1, 4);
                var price = product.Unit switch { "kg" => 180m, "tepsi" => 350m, _ when product.Name == "Elbise" => 450m, _ => 275.50m };
                var sale = new Sale
                {
                    Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, CohortId = cohort.Id, District = "gaziosmanpasa", ProductId = product.Id,
                    SoldOn = new DateOnly(2021, 3, random.Next(1, 32)), Quantity = quantity, UnitPrice = price, Total = quantity * price,
                    Channel = SaleChannels.All[random.Next(SaleChannels.All.Count)], RecordedBy = partner.ClientId, RecordedAt = DateTimeOffset.UtcNow,
                };
                db.Sales.Add(sale);
                db.PublishOnCommit(new SaleRecorded { SaleId = sale.Id, EntrepreneurId = woman.Id, CohortId = cohort.Id, District = sale.District, SoldOn = sale.SoldOn, Amount = sale.Total, Channel = sale.Channel }, woman.Id);
                if (woman.FirstSaleOn is null || sale.SoldOn < woman.FirstSaleOn) woman.FirstSaleOn = sale.SoldOn;
                sales++;
            }
        }

        foreach (var (woman, steps) in new[] { (women[0].Woman, 4), (women[16].Woman, 3), (women[5].Woman, 1) })
        {
            for (var s = 0; s < steps; s++)
            {
                var on = new DateOnly(2021, 4, 5).AddDays(s * 14);
                var step = LicenceSteps.InOrder[s];
                db.LicenceSteps.Add(new LicenceStep
                {
                    Id = Guid.CreateVersion7(), EntrepreneurId = woman.Id, Step = step, CompletedOn = on, SupportingInstitutionId = gaziosmanpasaMunicipality,
                    LicenceNumber = step == LicenceSteps.Granted ? "GOP-2021-IYR-0142" : null, RecordedBy = partner.ClientId,
                });
                if (step == LicenceSteps.Granted) woman.LicenceGrantedOn = on;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DemoDataResponse(cohort.Id, true, women.Count, sales));
    }
}
