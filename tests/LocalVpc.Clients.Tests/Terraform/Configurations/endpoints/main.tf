# A consumer VPC with an interface endpoint to KMS (private DNS, subnets added by association), gateway endpoints to S3 and
# DynamoDB with a policy and a route table association, groups and rules, and the data sources that read them back.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
# LocalVpc's URL and the account (a 12-digit access key id) to build in; the tests pass them as TF_VAR_endpoint and TF_VAR_account.
variable "endpoint" { type = string }
variable "account" { type = string }

provider "aws" {
  region     = "us-east-1"
  access_key = var.account
  secret_key = "test"
  endpoints {
    ec2   = var.endpoint
    elbv2 = var.endpoint
    sts   = var.endpoint
  }
}
data "aws_caller_identity" "me" {}
data "aws_availability_zones" "available" { state = "available" }
data "aws_vpc_endpoint_service" "kms" { service = "kms" }
data "aws_vpc_endpoint_service" "s3" {
  service      = "s3"
  service_type = "Gateway"
}
data "aws_prefix_list" "s3" { name = "com.amazonaws.us-east-1.s3" }
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "endpoints" }
}
resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 1)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}
data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.main.id]
  }
  depends_on = [aws_subnet.private]
}
data "aws_vpc" "main" { id = aws_vpc.main.id }
resource "aws_security_group" "endpoint" {
  name        = "endpoint"
  description = "endpoint interfaces"
  vpc_id      = aws_vpc.main.id
  tags        = { Name = "endpoint" }
}
data "aws_security_group" "endpoint" { id = aws_security_group.endpoint.id }
data "aws_security_groups" "all" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.main.id]
  }
  depends_on = [aws_security_group.endpoint]
}
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.endpoint.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.main.cidr_block
}
resource "aws_security_group_rule" "egress_s3" {
  type              = "egress"
  security_group_id = aws_security_group.endpoint.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_ids   = [data.aws_prefix_list.s3.id]
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "private" }
}
resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}
data "aws_route_table" "private" { route_table_id = aws_route_table.private.id }
resource "aws_vpc_endpoint" "kms" {
  vpc_id              = aws_vpc.main.id
  service_name        = data.aws_vpc_endpoint_service.kms.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoint.id]
}
# One subnet by association: the provider waits a minute before each association (and each removal), by design.
resource "aws_vpc_endpoint_subnet_association" "kms" {
  vpc_endpoint_id = aws_vpc_endpoint.kms.id
  subnet_id       = aws_subnet.private[0].id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = data.aws_vpc_endpoint_service.s3.service_name
  vpc_endpoint_type = "Gateway"
}
resource "aws_vpc_endpoint_route_table_association" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.private.id
}
resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
  })
}
resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.dynamodb"
  route_table_ids   = [aws_route_table.private.id]
}
output "account" { value = data.aws_caller_identity.me.account_id }
output "kms_dns" { value = aws_vpc_endpoint.kms.dns_entry[0].dns_name }

# The far end of a Site-to-Site VPN (the API only: no tunnels), with a two-byte and a four-byte ASN.
resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.10"
  type       = "ipsec.1"
  tags       = { Name = "office" }
}
resource "aws_customer_gateway" "edge" {
  bgp_asn_extended = 4200000000
  ip_address       = "203.0.113.11"
  type             = "ipsec.1"
  device_name      = "edge"
}
# The VPC's end of a VPN: one gateway attached inline, one by its own resource, and route propagation (the API only: no tunnels).
resource "aws_vpn_gateway" "inline" {
  vpc_id          = aws_vpc.main.id
  amazon_side_asn = 64600
  tags            = { Name = "inline" }
}
resource "aws_vpc" "vpn" {
  cidr_block = "10.50.0.0/16"
  tags       = { Name = "vpn" }
}
resource "aws_vpn_gateway" "separate" {
  tags = { Name = "separate" }
}
resource "aws_vpn_gateway_attachment" "separate" {
  vpc_id         = aws_vpc.vpn.id
  vpn_gateway_id = aws_vpn_gateway.separate.id
}
resource "aws_vpn_gateway_route_propagation" "private" {
  vpn_gateway_id = aws_vpn_gateway.inline.id
  route_table_id = aws_route_table.private.id
}
# An endpoint made without private DNS, which its own resource then turns on.
resource "aws_vpc_endpoint" "sts" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = [aws_subnet.private[1].id]
  security_group_ids = [aws_security_group.endpoint.id]
  lifecycle { ignore_changes = [private_dns_enabled] }
}
resource "aws_vpc_endpoint_private_dns" "sts" {
  vpc_endpoint_id     = aws_vpc_endpoint.sts.id
  private_dns_enabled = true
}
