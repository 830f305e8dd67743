namespace Skriptoteket.Web.Api;

/// <summary>The error body every /api/v1 endpoint answers with: {"error": {"code", "message", "details"}}.</summary>
public sealed record ApiError(ApiErrorBody Error);

public sealed record ApiErrorBody(string Code, string Message, object? Details = null);
