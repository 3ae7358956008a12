using System.Text.Json.Serialization;

namespace LocalVpc.Core.Events;

/// <summary>
/// A change to a region's state, as written to the log. Commands decide the events; applying them is
/// mechanical, so replaying the log always rebuilds the same state.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(RegionInitialized), "region-initialized")]
[JsonDerivedType(typeof(ResourcePut), "put")]
[JsonDerivedType(typeof(ResourceRemoved), "removed")]
[JsonDerivedType(typeof(TagsChanged), "tags")]
public abstract record Event;

/// <summary>The region was set up as a new AWS account's region is (its default VPC, unless turned off).</summary>
public sealed record RegionInitialized(string DhcpOptionsId) : Event;

/// <summary>A resource was created or replaced by a new version of itself.</summary>
public sealed record ResourcePut(Resource Resource) : Event;

/// <summary>A resource, and its tags, are gone.</summary>
public sealed record ResourceRemoved(string Id) : Event;

/// <summary>A resource's tags are now exactly <see cref="Tags"/>.</summary>
public sealed record TagsChanged(string ResourceId, ImmutableSortedDictionary<string, string> Tags) : Event;
