namespace District5News.Web.Data.Migrations.Sqlite;

/// <summary>
/// The FTS5 indexes "ArticleSearch" and "ArticleTitleSearch" and the triggers that keep them in step with Articles. A
/// migration that makes SQLite rebuild the Articles table drops the triggers, and must create them again from here
/// (the set of its own time: <see cref="CreateFoldedOnly"/> before SearchWithToneMarks, <see cref="Create"/> from it on,
/// and <see cref="CreateTitles"/> as well from TitleSearchIndex on).
/// </summary>
internal static class SqliteSearchTriggers
{
    /// <summary>
    /// The index since SearchWithToneMarks: the folded columns and the marked ones (already lower case and in one
    /// tone placement, so the tokenizer must not fold anything: remove_diacritics 0).
    /// </summary>
    public const string CreateTable = """
        CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
            "SearchTitle", "SearchBody", "SearchTitleMarked", "SearchBodyMarked",
            content='Articles', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 0');
        """;

    private const string Columns = """ "SearchTitle", "SearchBody", "SearchTitleMarked", "SearchBodyMarked" """;

    public static readonly string[] Create =
    [
        """DROP TRIGGER IF EXISTS "Articles_search_insert";""",
        """DROP TRIGGER IF EXISTS "Articles_search_delete";""",
        """DROP TRIGGER IF EXISTS "Articles_search_update";""",
        $"""
        CREATE TRIGGER "Articles_search_insert" AFTER INSERT ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"(rowid,{Columns}) VALUES (new."Id", new."SearchTitle", new."SearchBody", new."SearchTitleMarked", new."SearchBodyMarked");
        END;
        """,
        $"""
        CREATE TRIGGER "Articles_search_delete" AFTER DELETE ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid,{Columns}) VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody", old."SearchTitleMarked", old."SearchBodyMarked");
        END;
        """,
        $"""
        CREATE TRIGGER "Articles_search_update" AFTER UPDATE OF {Columns} ON "Articles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid,{Columns}) VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody", old."SearchTitleMarked", old."SearchBodyMarked");
            INSERT INTO "ArticleSearch"(rowid,{Columns}) VALUES (new."Id", new."SearchTitle", new."SearchBody", new."SearchTitleMarked", new."SearchBodyMarked");
        END;
        """,
    ];

    /// <summary>The triggers as they were before SearchWithToneMarks (two folded columns), for the migrations of that time.</summary>
    public static readonly string[] CreateFoldedOnly =
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

    /// <summary>
    /// The titles-only index of TitleSearchIndex: the two title columns again, so the title steps of a search read the
    /// short lists of the titles instead of filtering the whole bulletins' lists by column (docs/search.md).
    /// </summary>
    public const string CreateTitleTable = """
        CREATE VIRTUAL TABLE "ArticleTitleSearch" USING fts5(
            "SearchTitle", "SearchTitleMarked",
            content='Articles', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 0');
        """;

    public static readonly string[] CreateTitles =
    [
        """DROP TRIGGER IF EXISTS "Articles_title_search_insert";""",
        """DROP TRIGGER IF EXISTS "Articles_title_search_delete";""",
        """DROP TRIGGER IF EXISTS "Articles_title_search_update";""",
        """
        CREATE TRIGGER "Articles_title_search_insert" AFTER INSERT ON "Articles" BEGIN
            INSERT INTO "ArticleTitleSearch"(rowid, "SearchTitle", "SearchTitleMarked") VALUES (new."Id", new."SearchTitle", new."SearchTitleMarked");
        END;
        """,
        """
        CREATE TRIGGER "Articles_title_search_delete" AFTER DELETE ON "Articles" BEGIN
            INSERT INTO "ArticleTitleSearch"("ArticleTitleSearch", rowid, "SearchTitle", "SearchTitleMarked") VALUES ('delete', old."Id", old."SearchTitle", old."SearchTitleMarked");
        END;
        """,
        """
        CREATE TRIGGER "Articles_title_search_update" AFTER UPDATE OF "SearchTitle", "SearchTitleMarked" ON "Articles" BEGIN
            INSERT INTO "ArticleTitleSearch"("ArticleTitleSearch", rowid, "SearchTitle", "SearchTitleMarked") VALUES ('delete', old."Id", old."SearchTitle", old."SearchTitleMarked");
            INSERT INTO "ArticleTitleSearch"(rowid, "SearchTitle", "SearchTitleMarked") VALUES (new."Id", new."SearchTitle", new."SearchTitleMarked");
        END;
        """,
    ];
}
