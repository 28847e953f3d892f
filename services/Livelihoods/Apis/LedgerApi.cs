namespace Platform.Livelihoods.Apis;

/// <summary>Products and the sales ledger of a woman: sales in TRY, corrections as reversing entries.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        // Every route here is one woman's: 404 when she is not in the caller's districts.
        var api = app.MapGroup("/api/v1/entrepreneurs/{id}").WithTags("Products and sales").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/products", AddProduct).RequireAuthorization(PartnerScopes.LivelihoodsWrite).WithName("AddProduct").WithSummary("Something she makes and sells, with its unit");
        api.MapGet("/products", ListProducts).RequireAuthorization(PartnerScopes.LivelihoodsRead).WithName("ListProducts").WithSummary("Her products");
        api.MapPost("/sales", RecordSale).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("RecordSale").WithSummary("A sale: quantity × unit price in TRY (kuruş), channel bazaar, shop, online or order")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/sales", ListSales).RequireAuthorization(PartnerScopes.LivelihoodsRead).WithName("ListSales").WithSummary("Her sales ledger, reversals included, with the net total");
        api.MapPost("/sales/{saleId}/reverse", Reverse).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("ReverseSale").WithSummary("Correct a sale by a reversing entry (the sale is never edited); once per sale")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record ProductRequest(string? Name, string? Unit);
    public sealed record SaleRequest(DateOnly? SoldOn, Guid? ProductId, decimal? Quantity, decimal? UnitPrice, string? Channel);
    public sealed record ReverseRequest(string? Reason);
    public sealed record ProductResponse(Guid Id, Guid EntrepreneurId, string Name, string Unit)
    {
        public static ProductResponse From(Product p) => new(p.Id, p.EntrepreneurId, p.Name, p.Unit);
    }
    /// <summary>Her ledger: every line (reversals included) and what they add up to.</summary>
    public sealed record LedgerResponse(IReadOnlyList<SaleResponse> Items, decimal Net);
    public sealed record SaleResponse(Guid Id, Guid ProductId, DateOnly SoldOn, decimal Quantity, decimal UnitPrice, decimal Total, string Channel, Guid? Reverses, string? Reason)
    {
        public static SaleResponse From(Sale s) => new(s.Id, s.ProductId, s.SoldOn, s.Quantity, s.UnitPrice, s.Total, s.Channel, s.Reverses, s.Reason);
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddProduct(Guid id, ProductRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        check.Required("name", request.Name);
        check.Required("unit", request.Unit, 40);
        if (check.Failed) return check.Problem();
        if (await VisibleAsync(db, id, user, cancellationToken) is null) return NotVisible.Problem("entrepreneur");
        var product = new Product { Id = Guid.CreateVersion7(), EntrepreneurId = id, Name = request.Name!.Trim(), Unit = request.Unit!.Trim() };
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/entrepreneurs/{id}/products", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<List<ProductResponse>>, ProblemHttpResult>> ListProducts(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(db, id, user, cancellationToken) is null) return NotVisible.Problem("entrepreneur");
        var products = await db.Products.AsNoTracking().Where(p => p.EntrepreneurId == id).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(products.Select(ProductResponse.From).ToList());
    }

    public static async Task<Results<Created<SaleResponse>, ValidationProblem, ProblemHttpResult>> RecordSale(Guid id, SaleRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (request.SoldOn is not { } soldOn) check.Add("soldOn", "soldOn is required (yyyy-MM-dd).");
        else if (soldOn > IstanbulTime.Today(clock)) check.Add("soldOn", "soldOn is in the future.");
        if (request.ProductId is null) check.Add("productId", "productId is required.");
        if (request.Quantity is not { } quantity || quantity <= 0 || decimal.Round(quantity, 3) != quantity) check.Add("quantity", "quantity is positive, with at most three decimals.");
        if (request.UnitPrice is not { } price || price <= 0 || decimal.Round(price, 2) != price) check.Add("unitPrice", "unitPrice is positive, in TRY with at most two decimals (kuruş).");
        check.OneOf("channel", request.Channel, SaleChannels.All);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (await VisibleAsync(db, id, user, cancellationToken) is not { } entrepreneur) return NotVisible.Problem("entrepreneur");
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId && p.EntrepreneurId == id, cancellationToken))
            return TypedResults.Problem(statusCode: 422, title: "Unknown product", detail: "productId is not one of her products.");

        var sale = new Sale
        {
            Id = Guid.CreateVersion7(), EntrepreneurId = id, CohortId = entrepreneur.CohortId, District = entrepreneur.District, ProductId = request.ProductId!.Value,
            SoldOn = request.SoldOn!.Value, Quantity = request.Quantity!.Value, UnitPrice = request.UnitPrice!.Value,
            Total = decimal.Round(request.Quantity.Value * request.UnitPrice.Value, 2, MidpointRounding.ToEven), Channel = request.Channel!,
            RecordedBy = partner.ClientId, RecordedAt = clock.GetUtcNow(),
        };
        db.Sales.Add(sale);
        db.PublishOnCommit(new SaleRecorded { SaleId = sale.Id, EntrepreneurId = id, CohortId = sale.CohortId, District = sale.District, SoldOn = sale.SoldOn, Amount = sale.Total, Channel = sale.Channel }, id);
        if (entrepreneur.FirstSaleOn is null || sale.SoldOn < entrepreneur.FirstSaleOn)
        {
            var first = entrepreneur.FirstSaleOn is null;
            entrepreneur.FirstSaleOn = sale.SoldOn;
            if (first) db.PublishOnCommit(new MilestoneReached { EntrepreneurId = id, District = entrepreneur.District, Milestone = "first-sale", ReachedOn = sale.SoldOn }, id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/entrepreneurs/{id}/sales", SaleResponse.From(sale));
    }

    public static async Task<Results<Ok<LedgerResponse>, ProblemHttpResult>> ListSales(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        // Amounts and products only: nothing sealed is opened, so there is nothing to audit.
        if (await VisibleAsync(db, id, user, cancellationToken) is null) return NotVisible.Problem("entrepreneur");
        var sales = await db.Sales.AsNoTracking().Where(s => s.EntrepreneurId == id).OrderBy(s => s.SoldOn).ThenBy(s => s.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LedgerResponse(sales.Select(SaleResponse.From).ToList(), sales.Sum(s => s.Total)));
    }

    public static async Task<Results<Created<SaleResponse>, ValidationProblem, ProblemHttpResult>> Reverse(
        Guid id, Guid saleId, ReverseRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new Validation();
        check.Required("reason", request.Reason, 500);
        if (check.Failed) return check.Problem();
        if (await VisibleAsync(db, id, user, cancellationToken) is null) return NotVisible.Problem("entrepreneur");
        var original = await db.Sales.SingleOrDefaultAsync(s => s.Id == saleId && s.EntrepreneurId == id, cancellationToken);
        if (original is null) return NotVisible.Problem("sale");
        if (original.Reverses is not null) return TypedResults.Problem(statusCode: 409, title: "A reversal", detail: "A reversing entry is not reversed; record the sale again instead.");
        if (await db.Sales.AnyAsync(s => s.Reverses == saleId, cancellationToken)) return TypedResults.Problem(statusCode: 409, title: "Already reversed", detail: "This sale has been reversed already.");

        var reversal = new Sale
        {
            Id = Guid.CreateVersion7(), EntrepreneurId = id, CohortId = original.CohortId, District = original.District, ProductId = original.ProductId, SoldOn = original.SoldOn,
            Quantity = -original.Quantity, UnitPrice = original.UnitPrice, Total = -original.Total, Channel = original.Channel, Reverses = saleId, Reason = request.Reason,
            RecordedBy = Partner.From(user).ClientId, RecordedAt = clock.GetUtcNow(),
        };
        db.Sales.Add(reversal);
        db.PublishOnCommit(new SaleRecorded { SaleId = reversal.Id, EntrepreneurId = id, CohortId = reversal.CohortId, District = reversal.District, SoldOn = reversal.SoldOn, Amount = reversal.Total, Channel = reversal.Channel, Reverses = saleId }, id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            return TypedResults.Problem(statusCode: 409, title: "Already reversed", detail: "This sale has been reversed already.");
        }
        return TypedResults.Created($"/api/v1/entrepreneurs/{id}/sales", SaleResponse.From(reversal));
    }

    /// <summary>The woman, when she exists in the caller's districts.</summary>
    internal static async Task<Entrepreneur?> VisibleAsync(LivelihoodsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var entrepreneur = await db.Entrepreneurs.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entrepreneur is not null && Partner.From(user).MayActIn(entrepreneur.District) ? entrepreneur : null;
    }
}
