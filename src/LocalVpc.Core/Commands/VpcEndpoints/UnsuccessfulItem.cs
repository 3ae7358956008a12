namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>One id a batch call could not act on, with AWS's error for it.</summary>
public sealed record UnsuccessfulItem(string ResourceId, AwsError Error);
