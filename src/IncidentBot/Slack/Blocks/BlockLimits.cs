namespace IncidentBot.Slack.Blocks;

/// <summary>Block Kit's limits; text longer than these is cut visibly before Slack would reject it.</summary>
public static class BlockLimits
{
    public const int Blocks = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int ContextText = 2000;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int ModalTitle = 24;

    /// <summary>Slack shows the fallback text in notifications; keep it to a readable length.</summary>
    public const int FallbackText = 500;
}
