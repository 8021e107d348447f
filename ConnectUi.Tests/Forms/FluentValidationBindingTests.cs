using ConnectUi.Forms;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components.Forms;

namespace ConnectUi.Tests.Forms;

/// <summary>The rules bound to an edit context in code, as the credential form binds them (no component in between).</summary>
public sealed class FluentValidationBindingTests
{
    private readonly SignupModel _model = new();
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public FluentValidationBindingTests()
    {
        _context = new EditContext(_model);
        _store = new ValidationMessageStore(_context);
    }

    [Fact]
    public void A_changed_field_is_checked_alone_and_reported_with_its_failures()
    {
        var reports = new List<(string? Field, IReadOnlyList<ValidationFailure> Failures)>();
        using var binding = new FluentValidationBinding(_context, new SignupModelValidator(), _store) { Validated = (field, failures) => reports.Add((field, failures)) };

        _model.Email = "not-an-address";
        _context.NotifyFieldChanged(_context.Field(nameof(SignupModel.Email)));

        Assert.Equal([SignupModelValidator.EmailInvalid], _context.GetValidationMessages(_context.Field(nameof(SignupModel.Email))));
        Assert.Empty(_context.GetValidationMessages(_context.Field(nameof(SignupModel.Name))));
        var report = Assert.Single(reports);
        Assert.Equal(nameof(SignupModel.Email), report.Field);
    }

    [Fact]
    public void A_requested_validation_checks_every_field()
    {
        using var binding = new FluentValidationBinding(_context, new SignupModelValidator(), _store);

        Assert.False(_context.Validate());
        Assert.Equal([SignupModelValidator.NameRequired, SignupModelValidator.EmailRequired], _context.GetValidationMessages());
    }

    [Fact]
    public void Once_disposed_it_checks_nothing_more()
    {
        var binding = new FluentValidationBinding(_context, new SignupModelValidator(), _store);
        binding.Dispose();

        Assert.True(_context.Validate());
        Assert.Empty(_context.GetValidationMessages());
    }

    [Fact]
    public void A_validator_of_another_model_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new FluentValidationBinding(_context, new UnrelatedModelValidator(), _store));
    }
}
