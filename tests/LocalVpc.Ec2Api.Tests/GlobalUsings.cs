global using System.Collections.Immutable;
global using LocalVpc.Core.Errors;
