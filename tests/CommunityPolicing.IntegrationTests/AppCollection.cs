using CommunityPolicing.Testing;

namespace CommunityPolicing.IntegrationTests;

/// <summary>One app and database with the demo data, shared by the tests that read and write through its services.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TestApp>
{
    public const string Name = "app";
}

public static class Demo
{
    public const string Admin = "admin@demo.local";
    public const string Chief = "chief.taraz@demo.local";
    public const string Officer17 = "officer.17@demo.local";
    public const string Officer30 = "officer.30@demo.local";
    public const string Coordinator = "coordinator@demo.local";
    public const string TarazDepartment = "Управление полиции г. Тараз";
}
