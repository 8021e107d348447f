namespace ConnectUi.Features.Connect;

public enum GuideTextKind
{
    Plain,
    Strong,
    Code,
}

/// <summary>Splits guide text into plain, <c>**strong**</c> and <c>`code`</c> runs. Unclosed markers stay plain text.</summary>
public static class GuideTextParser
{
    public static IEnumerable<(string Text, GuideTextKind Kind)> Parse(string text)
    {
        var position = 0;
        var plainStart = 0;
        while (position < text.Length)
        {
            var (marker, kind) = text[position] == '`' ? ("`", GuideTextKind.Code)
                : text.AsSpan(position).StartsWith("**") ? ("**", GuideTextKind.Strong)
                : (null, GuideTextKind.Plain);
            var end = marker is null ? -1 : text.IndexOf(marker, position + marker.Length, StringComparison.Ordinal);
            if (marker is null || end < 0)
            {
                position++;
                continue;
            }

            if (position > plainStart)
            {
                yield return (text[plainStart..position], GuideTextKind.Plain);
            }

            yield return (text[(position + marker.Length)..end], kind);
            position = end + marker.Length;
            plainStart = position;
        }

        if (plainStart < text.Length)
        {
            yield return (text[plainStart..], GuideTextKind.Plain);
        }
    }
}
