# The endpoint story in one configuration: a consumer VPC with KMS (private DNS), S3 and DynamoDB endpoints; a provider
# account's app behind a network load balancer, offered as an endpoint service that needs acceptance; the consumer's
# endpoint to it, accepted by the provider; and a Network Insights analysis of "can the app reach KMS on 443?".
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
# LocalVpc's URL and two accounts (12-digit access key ids); the tests pass them as TF_VAR_endpoint, TF_VAR_account and TF_VAR_provider_account.
variable "endpoint" { type = string }
variable "account" { type = string }
variable "provider_account" { type = string }

provider "aws" {
  region     = "us-east-1"
  access_key = var.account
  secret_key = "test"
  # Tags on every resource the consumer makes, volumes and interfaces launched with the instance included.
  default_tags {
    tags = { Project = "privatelink" }
  }
  endpoints {
    ec2   = var.endpoint
    elbv2 = var.endpoint
    sts   = var.endpoint
  }
}
provider "aws" {
  alias      = "provider"
  region     = "us-east-1"
  access_key = var.provider_account
  secret_key = "test"
  endpoints {
    ec2   = var.endpoint
    elbv2 = var.endpoint
    sts   = var.endpoint
  }
}

# The consumer: a private subnet, an app instance, and endpoints to KMS, S3 and DynamoDB.
resource "aws_vpc" "consumer" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = { Name = "consumer" }
}
resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.consumer.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.consumer.id
}
resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
resource "aws_security_group" "app" {
  name        = "app"
  description = "the app instance"
  vpc_id      = aws_vpc.consumer.id
}
resource "aws_security_group" "endpoint" {
  name        = "endpoint"
  description = "the endpoint's interfaces"
  vpc_id      = aws_vpc.consumer.id
}
resource "aws_vpc_security_group_egress_rule" "app_to_endpoint" {
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoint.id
}
resource "aws_vpc_security_group_ingress_rule" "endpoint_from_app" {
  security_group_id            = aws_security_group.endpoint.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.app.id
}
data "aws_ec2_instance_type" "app" { instance_type = "t3.micro" }
data "aws_ami" "linux" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}
resource "aws_instance" "app" {
  ami                    = data.aws_ami.linux.id
  instance_type          = data.aws_ec2_instance_type.app.instance_type
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  root_block_device {
    volume_size = 16
    tags        = { Name = "app-root" }
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 20
    volume_type = "gp3"
  }
  tags = { Name = "app" }
}
resource "aws_vpc_endpoint" "kms" {
  vpc_id              = aws_vpc.consumer.id
  service_name        = "com.amazonaws.us-east-1.kms"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoint.id]
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.consumer.id
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = [aws_route_table.private.id]
}
resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id          = aws_vpc.consumer.id
  service_name    = "com.amazonaws.us-east-1.dynamodb"
  route_table_ids = [aws_route_table.private.id]
}

# The provider: an app behind a network load balancer, offered as an endpoint service that needs acceptance.
data "aws_vpc" "provider_default" {
  provider = aws.provider
  default  = true
}
data "aws_subnets" "provider_default" {
  provider = aws.provider
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.provider_default.id]
  }
}
resource "aws_lb" "service" {
  provider           = aws.provider
  name               = "service"
  load_balancer_type = "network"
  internal           = true
  subnets            = [data.aws_subnets.provider_default.ids[0]]
}
resource "aws_lb_target_group" "service" {
  provider    = aws.provider
  name        = "service"
  port        = 443
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = data.aws_vpc.provider_default.id
}
resource "aws_lb_target_group_attachment" "app" {
  provider         = aws.provider
  target_group_arn = aws_lb_target_group.service.arn
  target_id        = "127.0.0.1"
  port             = 9443
  availability_zone = "all"
}
resource "aws_lb_listener" "tcp" {
  provider          = aws.provider
  load_balancer_arn = aws_lb.service.arn
  port              = 443
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service.arn
  }
}
data "aws_caller_identity" "consumer" {}
resource "aws_vpc_endpoint_service" "service" {
  provider                   = aws.provider
  acceptance_required        = true
  network_load_balancer_arns = [aws_lb.service.arn]
}
resource "aws_vpc_endpoint_service_allowed_principal" "consumer" {
  provider                = aws.provider
  vpc_endpoint_service_id = aws_vpc_endpoint_service.service.id
  principal_arn           = "arn:aws:iam::${data.aws_caller_identity.consumer.account_id}:root"
}
resource "aws_vpc_endpoint_connection_notification" "service" {
  provider                    = aws.provider
  vpc_endpoint_service_id     = aws_vpc_endpoint_service.service.id
  connection_notification_arn = "arn:aws:sns:us-east-1:${var.provider_account}:endpoint-events"
  connection_events           = ["Accept", "Reject"]
}
# The consumer's endpoint to it, created with the VPC's default group, which the association replaces.
resource "aws_vpc_endpoint" "service" {
  vpc_id            = aws_vpc.consumer.id
  service_name      = aws_vpc_endpoint_service.service.service_name
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.private.id]
  depends_on        = [aws_vpc_endpoint_service_allowed_principal.consumer]
}
resource "aws_vpc_endpoint_security_group_association" "service" {
  vpc_endpoint_id             = aws_vpc_endpoint.service.id
  security_group_id           = aws_security_group.endpoint.id
  replace_default_association = true
}
resource "aws_vpc_endpoint_connection_accepter" "service" {
  provider                = aws.provider
  vpc_endpoint_service_id = aws_vpc_endpoint_service.service.id
  vpc_endpoint_id         = aws_vpc_endpoint.service.id
}

# The test: can the app reach KMS through the endpoint on 443?
resource "aws_ec2_network_insights_path" "app_to_kms" {
  source           = aws_instance.app.id
  destination      = aws_vpc_endpoint.kms.id
  protocol         = "tcp"
  destination_port = 443
}
resource "aws_ec2_network_insights_analysis" "app_to_kms" {
  network_insights_path_id = aws_ec2_network_insights_path.app_to_kms.id
  wait_for_completion      = true
}
output "path_found" { value = aws_ec2_network_insights_analysis.app_to_kms.path_found }
