using System.Text.RegularExpressions;
using LocalVpc.Core.Commands.FlowLogs;

namespace LocalVpc.Core.Validation;

/// <summary>
/// Where a flow log's records go, checked as AWS checks it: CloudWatch Logs (a log group by name or ARN, and a role to
/// deliver with), S3 (a bucket ARN, optionally with a folder, and file options) or Kinesis Data Firehose (a stream ARN).
/// </summary>
public static partial class FlowLogDestinations
{
    /// <summary>The flow log every resource of the request gets (its id and resource still to fill in), or AWS's error.</summary>
    public static AwsError? Check(FlowLogRequest request, Scope scope, out FlowLog template)
    {
        template = null!;
        var type = request.LogDestinationType ?? "cloud-watch-logs";
        if (request.TrafficType is null) return Ec2Errors.MissingParameter("TrafficType");
        if (request.TrafficType is not ("ACCEPT" or "REJECT" or "ALL")) return Ec2Errors.InvalidParameterValue("TrafficType", request.TrafficType);
        var interval = request.MaxAggregationInterval ?? 600;
        if (interval is not (60 or 600))
            return Ec2Errors.InvalidParameterValue($"Invalid value for MaxAggregationInterval: {interval}. The valid values are 60 and 600.");
        var format = request.LogFormat ?? FlowLog.DefaultFormat;
        if (FlowLogFormat.Parse(format, out _) is { } formatError) return formatError;
        if (request.HasDestinationOptions && type != "s3") return Ec2Errors.InvalidParameter("DestinationOptions can be given for an s3 destination only.");

        string? destination = request.LogDestination, groupName = null;
        FlowLogFileOptions? files = null;
        switch (type)
        {
            case "cloud-watch-logs":
                if (request.LogGroupName is not null && destination is not null)
                    return Ec2Errors.InvalidParameterCombination("Please only provide LogGroupName or only provide LogDestination.");
                if (request.LogGroupName is { } name) (groupName, destination) = (name, $"arn:aws:logs:{scope.Region}:{scope.Account}:log-group:{name}");
                else if (destination is not null && Arn(destination, "logs", "log-group:") is { } group) groupName = group;
                else return Ec2Errors.InvalidParameter(destination is null
                    ? "LogGroupName or LogDestination must be given for a cloud-watch-logs destination."
                    : $"LogDestination {destination} is not a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME).");
                if (!LogGroupName().IsMatch(groupName))
                    return Ec2Errors.InvalidParameter($"Log group name {groupName} is invalid: 1 to 512 of a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'.");
                if (request.DeliverLogsPermissionArn is null)
                    return Ec2Errors.InvalidParameter("DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.");
                break;
            case "s3" or "kinesis-data-firehose":
                if (request.LogGroupName is not null) return Ec2Errors.InvalidParameter($"LogGroupName is for cloud-watch-logs destinations, not {type}.");
                if (request.DeliverLogsPermissionArn is not null && type == "s3")
                    return Ec2Errors.InvalidParameter("DeliverLogsPermissionArn is not applicable for s3 delivery.");
                if (destination is null) return Ec2Errors.MissingParameter("LogDestination");
                if (type == "s3" ? Arn(destination, "s3", "") is not { Length: > 0 } : Arn(destination, "firehose", "deliverystream/") is null)
                    return Ec2Errors.InvalidParameter(type == "s3"
                        ? $"LogDestination {destination} is not an S3 bucket ARN (arn:aws:s3:::BUCKET, optionally /FOLDER)."
                        : $"LogDestination {destination} is not a Firehose delivery stream ARN (arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME).");
                if (type == "s3" && BucketAndFolder(Arn(destination, "s3", "")!) is { } where)
                    return Ec2Errors.InvalidParameter($"LogDestination {destination}: {where}");
                if (type == "kinesis-data-firehose" && !DeliveryStreamName().IsMatch(Arn(destination, "firehose", "deliverystream/")!))
                    return Ec2Errors.InvalidParameter($"LogDestination {destination}: a delivery stream's name is 1 to 64 of a-z, A-Z, 0-9, '_', '.' and '-'.");
                if (type == "s3")
                {
                    var fileFormat = request.FileFormat ?? "plain-text";
                    if (fileFormat is not ("plain-text" or "parquet")) return Ec2Errors.InvalidParameterValue("FileFormat", fileFormat);
                    files = new FlowLogFileOptions(fileFormat, request.HiveCompatiblePartitions ?? false, request.PerHourPartition ?? false);
                }
                break;
            default:
                return Ec2Errors.InvalidParameterValue("LogDestinationType", type);
        }
        template = new FlowLog("", "", request.TrafficType, type, destination, groupName, request.DeliverLogsPermissionArn,
            request.DeliverCrossAccountRole, format, interval, files, default, null);
        return null;
    }

    /// <summary>What is wrong with <c>BUCKET/FOLDER</c>, or null: S3's bucket naming rules, and a folder of path segments.</summary>
    private static string? BucketAndFolder(string resource)
    {
        var slash = resource.IndexOf('/');
        var (bucket, folder) = slash < 0 ? (resource, "") : (resource[..slash], resource[(slash + 1)..].Trim('/'));
        if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
            return $"{bucket} is not a bucket name (3 to 63 of a-z, 0-9, '.' and '-', beginning and ending with a letter or digit).";
        // The folder is a key prefix, and keys are files under the data directory: '.' and '..' would leave their place.
        return folder.Split('/').Any(s => s is "." or "..")
            ? $"the folder {folder} has a '.' or '..' segment, which LocalVpc cannot lay out as files." : null;
    }

    [GeneratedRegex("^[.\\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex LogGroupName();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,64}$")]
    private static partial Regex DeliveryStreamName();

    /// <summary>The part of an ARN of <paramref name="service"/> after its <paramref name="resourcePrefix"/>; null when it is no such ARN.</summary>
    private static string? Arn(string arn, string service, string resourcePrefix)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1] is not ("aws" or "aws-cn" or "aws-us-gov") || parts[2] != service) return null;
        var resource = parts[5].EndsWith(":*", StringComparison.Ordinal) ? parts[5][..^2] : parts[5];
        return resource.StartsWith(resourcePrefix, StringComparison.Ordinal) && resource.Length > resourcePrefix.Length ? resource[resourcePrefix.Length..] : null;
    }
}
