using System.Net;
using System.Net.Http.Headers;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Slack's file upload flow: files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal.
/// Neither Web API method is in <see cref="NotSafeToRepeat"/>: getUploadURLExternal only reserves a file id (one never
/// completed is discarded by Slack), and completeUploadExternal shares a given file id once, so repeating either never
/// makes a second file. What would (asking for a new id after the bytes went up) is for the caller to avoid: it records
/// the file id before completing.
/// </summary>
public sealed partial class SlackApiClient
{
    private const string UploadCall = "upload_url";

    public async Task<SlackUploadTarget> GetUploadUrlExternalAsync(string filename, int length, CancellationToken cancellationToken)
    {
        // Slack documents this method's arguments as a form, not JSON.
        var request = new UploadUrlRequest(filename, length);
        var answer = await FormAsync("files.getUploadURLExternal", request, Wire.UploadUrlRequest, Wire.UploadUrlResponse, cancellationToken).ConfigureAwait(false);
        return new SlackUploadTarget(new Uri(Required(answer.UploadUrl, "upload_url")), Required(answer.FileId, "file_id"));
    }

    public async Task UploadFileAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        ArgumentNullException.ThrowIfNull(content);
        // The same bytes sent again to the same address store the same file, so a timeout may be retried.
        var response = await SendAsync(
            UploadCall,
            () =>
            {
                // The address carries its own authorisation; the bot token stays with slack.com.
                var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return request;
            },
            safeToRepeat: true,
            cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var error = $"http_{status}";
                LogSlackError(UploadCall, error);
                throw new SlackApiException(UploadCall, error);
            }
        }
    }

    public async Task<Uri?> CompleteUploadExternalAsync(IReadOnlyList<SlackUploadedFile> files, SlackChannelId channel, string? initialComment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var request = new CompleteUploadRequest([.. files.Select(f => new UploadedFileArgument(f.Id, f.Title))], channel.Value, initialComment);
        var answer = await JsonAsync("files.completeUploadExternal", request, Wire.CompleteUploadRequest, Wire.CompleteUploadResponse, cancellationToken).ConfigureAwait(false);
        return answer.Files is [{ Permalink: { } link }, ..] && Uri.TryCreate(link, UriKind.Absolute, out var url) ? url : null;
    }

    public async Task<Uri> GetFilePermalinkAsync(string fileId, CancellationToken cancellationToken)
    {
        var answer = await FormAsync("files.info", new FileInfoRequest(fileId), Wire.FileInfoRequest, Wire.FileInfoResponse, cancellationToken).ConfigureAwait(false);
        return new Uri(Required(answer.File?.Permalink, "permalink"));
    }
}
