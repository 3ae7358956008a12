-- wrk script: CreateVpcEndpoint (a KMS interface endpoint, private DNS off) in the VPC and subnet given by the
-- environment (REGION, VPC, SUBNET), every request the same. wrk counts answers other than 2xx and 3xx ("Non-2xx").
local region = os.getenv("REGION")
wrk.method = "POST"
wrk.body = "Action=CreateVpcEndpoint&Version=2016-11-15&VpcId=" .. os.getenv("VPC") .. "&VpcEndpointType=Interface" ..
  "&ServiceName=com.amazonaws." .. region .. ".kms&SubnetId.1=" .. os.getenv("SUBNET") .. "&PrivateDnsEnabled=false"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
-- Signed-looking, as the .NET load client's: LocalVpc and moto read the account and region from the credential scope.
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=123456789012/20260101/" .. region ..
  "/ec2/aws4_request, SignedHeaders=host, Signature=00"
