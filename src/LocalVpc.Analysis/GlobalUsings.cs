global using System.Collections.Immutable;
global using LocalVpc.Core;
global using LocalVpc.Core.Catalog;
global using LocalVpc.Core.Cidr;
global using LocalVpc.Core.Resources;
global using LocalVpc.Core.Rules;
global using LocalVpc.Core.State;
global using LocalVpc.Core.Commands.NetworkInsights;
