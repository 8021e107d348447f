namespace ConnectUi.Branding;

/// <summary>The brand a page shows: the host's, from the session its link opened, else the installation's.</summary>
public interface IShownBrand
{
    Brand Current { get; }
}
