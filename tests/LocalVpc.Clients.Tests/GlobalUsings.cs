global using Amazon.EC2;
global using Amazon.EC2.Model;
global using LocalVpc.Clients.Tests.Infrastructure;
