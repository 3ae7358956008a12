namespace LocalVpc.Core.Errors;

/// <summary>An AWS error as a value: the code clients match on, its message and the HTTP status AWS sends with it.</summary>
public sealed record AwsError(string Code, string Message, int HttpStatus = 400);
