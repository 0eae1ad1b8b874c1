namespace AtsParser.Api.Security;

/// <summary>Endpoint metadata: this endpoint's responses carry this Content-Security-Policy instead of the API's deny-all one.</summary>
public sealed record ContentSecurityPolicy(string Value);
