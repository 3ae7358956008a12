# A dual-stack VPC: Amazon's /56, two /64 subnets that give instances IPv6 addresses and an IPv6-only one, an
# egress-only internet gateway for
# IPv6 out, IPv6 rules in a security group and a network ACL, an instance with an IPv6 address, and a dual-stack interface
# endpoint whose private DNS answers A and AAAA; a second IPv6 block, IPv6 rules as resources of their own, and a provider's
# service behind a dual-stack network load balancer that supports IPv6.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
# LocalVpc's URL and an account (a 12-digit access key id); the tests pass them as TF_VAR_endpoint and TF_VAR_account.
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

resource "aws_vpc" "dual" {
  cidr_block                       = "10.20.0.0/16"
  assign_generated_ipv6_cidr_block = true
  enable_dns_hostnames             = true
  tags                             = { Name = "dual" }
}

resource "aws_subnet" "dual" {
  count                           = 2
  vpc_id                          = aws_vpc.dual.id
  cidr_block                      = cidrsubnet(aws_vpc.dual.cidr_block, 8, count.index)
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.dual.ipv6_cidr_block, 8, count.index)
  assign_ipv6_address_on_creation = true
  availability_zone               = ["us-east-1a", "us-east-1b"][count.index]
}

resource "aws_subnet" "ipv6_only" {
  vpc_id                                         = aws_vpc.dual.id
  ipv6_native                                    = true
  ipv6_cidr_block                                = cidrsubnet(aws_vpc.dual.ipv6_cidr_block, 8, 2)
  assign_ipv6_address_on_creation                = true
  enable_resource_name_dns_aaaa_record_on_launch = true
  private_dns_hostname_type_on_launch            = "resource-name"
  availability_zone                              = "us-east-1c"
}

resource "aws_instance" "ipv6_only" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.ipv6_only.id
}

resource "aws_egress_only_internet_gateway" "out" {
  vpc_id = aws_vpc.dual.id
  tags   = { Name = "ipv6-out" }
}

resource "aws_route_table" "dual" {
  vpc_id = aws_vpc.dual.id
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.out.id
  }
}

resource "aws_route_table_association" "dual" {
  count          = 2
  subnet_id      = aws_subnet.dual[count.index].id
  route_table_id = aws_route_table.dual.id
}

resource "aws_security_group" "endpoint" {
  name   = "endpoint"
  vpc_id = aws_vpc.dual.id
  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = [aws_vpc.dual.cidr_block]
    ipv6_cidr_blocks = [aws_vpc.dual.ipv6_cidr_block]
  }
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_network_acl" "dual" {
  vpc_id     = aws_vpc.dual.id
  subnet_ids = [aws_subnet.dual[1].id]
  ingress {
    rule_no         = 100
    protocol        = "-1"
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
  egress {
    rule_no         = 100
    protocol        = "-1"
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
}

resource "aws_instance" "app" {
  ami                = "ami-0123456789abcdef0"
  instance_type      = "t3.micro"
  subnet_id          = aws_subnet.dual[0].id
  ipv6_address_count = 1
}

resource "aws_network_interface" "extra" {
  subnet_id          = aws_subnet.dual[1].id
  ipv6_address_count = 2
}

resource "aws_vpc_endpoint" "kms" {
  vpc_id              = aws_vpc.dual.id
  service_name        = "com.amazonaws.us-east-1.kms"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.dual[*].id
  security_group_ids  = [aws_security_group.endpoint.id]
  private_dns_enabled = true
  ip_address_type     = "dualstack"
  dns_options {
    dns_record_ip_type = "dualstack"
  }
}

resource "aws_vpc_ipv6_cidr_block_association" "second" {
  vpc_id                           = aws_vpc.dual.id
  assign_generated_ipv6_cidr_block = true
}

resource "aws_internet_gateway" "in" {
  vpc_id = aws_vpc.dual.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.dual.id
}

resource "aws_route" "public_ipv6" {
  route_table_id              = aws_route_table.public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.in.id
}

resource "aws_network_acl" "rules" {
  vpc_id = aws_vpc.dual.id
}

resource "aws_network_acl_rule" "https_ipv6" {
  network_acl_id  = aws_network_acl.rules.id
  rule_number     = 200
  egress          = false
  protocol        = "tcp"
  rule_action     = "allow"
  ipv6_cidr_block = aws_vpc.dual.ipv6_cidr_block
  from_port       = 443
  to_port         = 443
}

resource "aws_security_group" "service" {
  name   = "service"
  vpc_id = aws_vpc.dual.id
}

resource "aws_vpc_security_group_ingress_rule" "service_https_ipv6" {
  security_group_id = aws_security_group.service.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = aws_vpc.dual.ipv6_cidr_block
}

resource "aws_vpc_security_group_egress_rule" "service_out_ipv6" {
  security_group_id = aws_security_group.service.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

resource "aws_lb" "service" {
  name               = "dual-service"
  load_balancer_type = "network"
  internal           = true
  ip_address_type    = "dualstack"
  subnets            = aws_subnet.dual[*].id
}

resource "aws_vpc_endpoint_service" "service" {
  acceptance_required        = false
  network_load_balancer_arns = [aws_lb.service.arn]
  supported_ip_address_types = ["ipv4", "ipv6"]
}

output "vpc_ipv6_cidr_block" { value = aws_vpc.dual.ipv6_cidr_block }
output "instance_ipv6" { value = aws_instance.app.ipv6_addresses[0] }
output "ipv6_only_instance_name" { value = aws_instance.ipv6_only.private_dns }
