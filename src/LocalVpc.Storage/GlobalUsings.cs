global using System.Collections.Immutable;
global using LocalVpc.Core;
global using LocalVpc.Core.Commands;
global using LocalVpc.Core.Errors;
global using LocalVpc.Core.Events;
global using LocalVpc.Core.State;
