namespace IncidentBot.Tests.Fakes;

/// <summary>
/// A file reserved with files.getUploadURLExternal: <see cref="Content"/> once its bytes arrived at the upload URL,
/// <see cref="Channel"/>, <see cref="Title"/> and <see cref="InitialComment"/> once files.completeUploadExternal shared it.
/// </summary>
public sealed record FakeFile(
    string Id,
    string Name,
    int Length,
    byte[]? Content = null,
    string? Channel = null,
    string? Title = null,
    string? InitialComment = null);
