# The VPC plumbing around the endpoints: the account's default VPC, subnet, security group and route table adopted as
# Terraform resources; a VPC with a secondary CIDR, a public subnet behind an internet gateway (attached as its own
# resource) and a private subnet behind a NAT gateway whose route table is made the VPC's main one; network ACLs with
# inline and separate rules; interfaces with extra groups and a second attachment; Elastic IPs for the NAT gateway and
# an instance; the default DHCP options set adopted, and a custom one associated with the VPC.
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
data "aws_availability_zones" "available" { state = "available" }
resource "aws_default_vpc" "default" {}
resource "aws_default_subnet" "a" { availability_zone = data.aws_availability_zones.available.names[0] }
resource "aws_default_security_group" "default" {
  vpc_id = aws_default_vpc.default.id
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_vpc" "net" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = "network" }
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.net.id
  cidr_block = "10.21.0.0/16"
}
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.net.id
  cidr_block              = "10.20.1.0/24"
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = true
}
resource "aws_subnet" "private" {
  vpc_id                                      = aws_vpc.net.id
  cidr_block                                  = "10.20.2.0/24"
  availability_zone                           = data.aws_availability_zones.available.names[1]
  private_dns_hostname_type_on_launch         = "resource-name"
  enable_resource_name_dns_a_record_on_launch = true
}
resource "aws_internet_gateway" "igw" {}
resource "aws_internet_gateway_attachment" "igw" {
  internet_gateway_id = aws_internet_gateway.igw.id
  vpc_id              = aws_vpc.net.id
}
resource "aws_default_route_table" "main" {
  default_route_table_id = aws_default_vpc.default.default_route_table_id
  tags                   = { Name = "main" }
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.net.id
}
resource "aws_route" "internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.igw.id
  depends_on             = [aws_internet_gateway_attachment.igw]
}
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
resource "aws_eip" "nat" { domain = "vpc" }
resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
  depends_on    = [aws_internet_gateway_attachment.igw]
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.net.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}
resource "aws_main_route_table_association" "main" {
  vpc_id         = aws_vpc.net.id
  route_table_id = aws_route_table.private.id
}
resource "aws_network_acl" "private" {
  vpc_id = aws_vpc.net.id
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "10.20.0.0/16"
    from_port  = 443
    to_port    = 443
  }
}
resource "aws_network_acl_rule" "egress" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
resource "aws_network_acl_association" "private" {
  network_acl_id = aws_network_acl.private.id
  subnet_id      = aws_subnet.private.id
}
resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.net.default_network_acl_id
  ingress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  egress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  lifecycle { ignore_changes = [subnet_ids] }
}
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.net.id
}
resource "aws_security_group" "extra" {
  name   = "extra"
  vpc_id = aws_vpc.net.id
}
resource "aws_network_interface" "app" {
  subnet_id       = aws_subnet.private.id
  security_groups = [aws_security_group.app.id]
  lifecycle { ignore_changes = [security_groups] }
}
resource "aws_network_interface_sg_attachment" "extra" {
  security_group_id    = aws_security_group.extra.id
  network_interface_id = aws_network_interface.app.id
}
resource "aws_instance" "app" {
  ami           = "ami-0c02fb55956c7d316"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.public.id
}
resource "aws_network_interface" "second" {
  subnet_id = aws_subnet.public.id
}
resource "aws_network_interface_attachment" "second" {
  instance_id          = aws_instance.app.id
  network_interface_id = aws_network_interface.second.id
  device_index         = 1
}
resource "aws_eip" "app" { domain = "vpc" }
resource "aws_eip_association" "app" {
  allocation_id = aws_eip.app.id
  instance_id   = aws_instance.app.id
}
# No tags here: provider 5.100 adopts the default set without tagging it, so tags would only land on a second apply.
resource "aws_default_vpc_dhcp_options" "default" {}
resource "aws_vpc_dhcp_options" "corp" {
  domain_name          = "corp.example"
  domain_name_servers  = ["10.20.0.2", "AmazonProvidedDNS"]
  ntp_servers          = ["169.254.169.123"]
  netbios_node_type    = 2
  tags                 = { Name = "corp" }
}
resource "aws_vpc_dhcp_options_association" "corp" {
  vpc_id          = aws_vpc.net.id
  dhcp_options_id = aws_vpc_dhcp_options.corp.id
}
# Prefix lists of one's own: entries inline, or each its own resource (never both on one list); a rule and a route name them.
resource "aws_ec2_managed_prefix_list" "offices" {
  name           = "offices"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr        = "192.0.2.0/24"
    description = "headquarters"
  }
  tags = { Name = "offices" }
}
resource "aws_ec2_managed_prefix_list" "partners" {
  name           = "partners"
  address_family = "IPv4"
  max_entries    = 3
}
resource "aws_ec2_managed_prefix_list_entry" "partner" {
  cidr           = "198.51.100.0/24"
  description    = "a partner"
  prefix_list_id = aws_ec2_managed_prefix_list.partners.id
}
resource "aws_vpc_security_group_ingress_rule" "app_from_offices" {
  security_group_id = aws_security_group.app.id
  prefix_list_id    = aws_ec2_managed_prefix_list.offices.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
resource "aws_route" "partners" {
  route_table_id             = aws_route_table.public.id
  destination_prefix_list_id = aws_ec2_managed_prefix_list.partners.id
  gateway_id                 = aws_internet_gateway.igw.id
  depends_on                 = [aws_internet_gateway_attachment.igw]
}

# Flow logs of each kind of resource, to each kind of destination.
resource "aws_flow_log" "vpc" {
  vpc_id                   = aws_vpc.net.id
  traffic_type             = "ALL"
  log_destination_type     = "s3"
  log_destination          = "arn:aws:s3:::network-flow-logs/vpc"
  log_format               = "$${version} $${vpc-id} $${interface-id} $${srcaddr} $${dstaddr} $${tcp-flags} $${flow-direction} $${action}"
  max_aggregation_interval = 60
  destination_options {
    file_format        = "plain-text"
    per_hour_partition = true
  }
  tags = { Name = "vpc-flows" }
}
resource "aws_flow_log" "subnet" {
  subnet_id       = aws_subnet.private.id
  traffic_type    = "REJECT"
  log_destination = "arn:aws:logs:us-east-1:${var.account}:log-group:rejects"
  iam_role_arn    = "arn:aws:iam::${var.account}:role/flow-logs"
}
resource "aws_flow_log" "eni" {
  eni_id          = aws_network_interface.app.id
  traffic_type    = "ACCEPT"
  log_destination = "arn:aws:logs:us-east-1:${var.account}:log-group:app"
  iam_role_arn    = "arn:aws:iam::${var.account}:role/flow-logs"
}
