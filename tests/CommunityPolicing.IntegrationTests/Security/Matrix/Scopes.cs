namespace CommunityPolicing.IntegrationTests.Security.Matrix;

/// <summary>Each account of the matrix and the tokens of the records outside its scope (see <see cref="MatrixApp"/>).</summary>
public static class Scopes
{
    public const string Anonymous = "anonymous";

    public static readonly string[] Accounts = [Anonymous, Demo.Admin, Demo.Chief, Demo.Officer17, Demo.Officer30, Demo.Coordinator];

    /// <summary>
    /// What an account must never get back. Administrators read everything but preventive records; the chief of
    /// Taraz nothing of Baizak; officer 17 nothing of post 30's own records and no complaint about officers;
    /// coordinators nothing outside their associations (post 30's meetings only when one of them serves it).
    /// </summary>
    public static string[] ForeignTokens(string account, Foreign ids) => account switch
    {
        Anonymous => ["ZXQ"],
        Demo.Admin => ["ZXQB-REC", "ZXQP-REC"],
        Demo.Chief => ["ZXQB"],
        Demo.Officer17 => ["ZXQB", "ZXQP", "ZXQM", "ZXQC"],
        Demo.Officer30 => ["ZXQB", "ZXQC"],
        Demo.Coordinator => ids.CoordinatorServesPost30 ? ["ZXQB", "ZXQP", "ZXQC"] : ["ZXQB", "ZXQP", "ZXQM", "ZXQC"],
        _ => throw new ArgumentOutOfRangeException(nameof(account)),
    };

    public static string? Leak(string text, string[] tokens) => tokens.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal));
}
