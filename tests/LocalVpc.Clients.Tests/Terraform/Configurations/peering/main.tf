# VPC peering, within one account (accepted on creation) and across two (requested by one, accepted by the other),
# with each side's options, routes through the connections, and a group that names the peer's group.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
# LocalVpc's URL and two accounts (12-digit access key ids); the tests pass them as TF_VAR_endpoint, TF_VAR_account and TF_VAR_peer_account.
variable "endpoint" { type = string }
variable "account" { type = string }
variable "peer_account" { type = string }

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
provider "aws" {
  alias      = "peer"
  region     = "us-east-1"
  access_key = var.peer_account
  secret_key = "test"
  endpoints {
    ec2   = var.endpoint
    elbv2 = var.endpoint
    sts   = var.endpoint
  }
}

resource "aws_vpc" "app" {
  cidr_block = "10.10.0.0/16"
  tags       = { Name = "app" }
}
resource "aws_vpc" "tools" {
  cidr_block = "10.11.0.0/16"
  tags       = { Name = "tools" }
}
resource "aws_vpc" "shared" {
  provider   = aws.peer
  cidr_block = "10.12.0.0/16"
  tags       = { Name = "shared" }
}

# One account: accepted as it is made.
resource "aws_vpc_peering_connection" "app_tools" {
  vpc_id      = aws_vpc.app.id
  peer_vpc_id = aws_vpc.tools.id
  auto_accept = true
  accepter { allow_remote_vpc_dns_resolution = true }
  requester { allow_remote_vpc_dns_resolution = true }
  tags = { Name = "app-tools" }
}

# Two accounts: requested here, accepted there, options set by each side for its own end.
resource "aws_vpc_peering_connection" "app_shared" {
  vpc_id        = aws_vpc.app.id
  peer_vpc_id   = aws_vpc.shared.id
  peer_owner_id = var.peer_account
  tags          = { Name = "app-shared" }
}
resource "aws_vpc_peering_connection_accepter" "shared" {
  provider                  = aws.peer
  vpc_peering_connection_id = aws_vpc_peering_connection.app_shared.id
  auto_accept               = true
  tags                      = { Name = "from-app" }
}
resource "aws_vpc_peering_connection_options" "requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.shared.id
  requester { allow_remote_vpc_dns_resolution = true }
}
resource "aws_vpc_peering_connection_options" "accepter" {
  provider                  = aws.peer
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.shared.id
  accepter { allow_remote_vpc_dns_resolution = true }
}

resource "aws_route" "app_to_tools" {
  route_table_id            = aws_vpc.app.main_route_table_id
  destination_cidr_block    = aws_vpc.tools.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.app_tools.id
}
resource "aws_route" "app_to_shared" {
  route_table_id            = aws_vpc.app.main_route_table_id
  destination_cidr_block    = aws_vpc.shared.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.shared.id
}
resource "aws_route_table" "shared" {
  provider = aws.peer
  vpc_id   = aws_vpc.shared.id
  route {
    cidr_block                = aws_vpc.app.cidr_block
    vpc_peering_connection_id = aws_vpc_peering_connection_accepter.shared.id
  }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.app.id
}
resource "aws_security_group" "db" {
  provider = aws.peer
  name     = "db"
  vpc_id   = aws_vpc.shared.id
}
resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  provider                     = aws.peer
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = "${var.account}/${aws_security_group.app.id}"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  depends_on                   = [aws_vpc_peering_connection_accepter.shared]
}
data "aws_vpc_peering_connection" "app_shared" {
  id         = aws_vpc_peering_connection_accepter.shared.id
  depends_on = [aws_vpc_peering_connection_options.requester]
}
output "peering_status" { value = data.aws_vpc_peering_connection.app_shared.status }
