namespace District5News.Web.Data.Migrations.Sqlite;

/// <summary>
/// The triggers that keep the FTS5 index "ArticleSearch" in step with Articles (first created by ArticleSearchFts).
/// A migration that makes SQLite rebuild the Articles table drops them, and must create them again from here.
/// </summary>
internal static class SqliteSearchTriggers
{
    public static readonly string[] Create =
    [
        """DROP TRIGGER IF EXISTS "Articles_search_insert";""",
        """DROP TRIGGER IF EXISTS "Articles_search_delete";""",
        """DROP TRIGGER IF EXISTS "Articles_search_update";""",
        """
        CREATE TRIGGER "Articles_search_insert" AFTER INSERT ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"(rowid, "SearchTitle", "SearchBody") VALUES (new."Id", new."SearchTitle", new."SearchBody");
        END;
        """,
        """
        CREATE TRIGGER "Articles_search_delete" AFTER DELETE ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "SearchTitle", "SearchBody") VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody");
        END;
        """,
        """
        CREATE TRIGGER "Articles_search_update" AFTER UPDATE OF "SearchTitle", "SearchBody" ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "SearchTitle", "SearchBody") VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody");
            INSERT INTO "ArticleSearch"(rowid, "SearchTitle", "SearchBody") VALUES (new."Id", new."SearchTitle", new."SearchBody");
        END;
        """,
    ];
}
