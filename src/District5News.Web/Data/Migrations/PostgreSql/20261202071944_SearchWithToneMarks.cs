using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Search that ranks by closeness and by the tone marks typed (docs/search.md): the marked columns (filled for
    /// existing bulletins at the first start after this migration, by SearchTextBackfill) and the function "SearchSpan",
    /// which gives the shortest run of a tsvector holding every word (the "together" step; FTS5's NEAR on SQLite).
    /// </summary>
    public partial class SearchWithToneMarks : Migration
    {
        /// <summary>
        /// The positions of the words in document order, each tagged with its word, then a sliding window: the shortest
        /// stretch (first to last position, both counted) that holds every word; NULL when a word is missing. The words
        /// must be distinct.
        /// </summary>
        internal const string SearchSpan = """
            CREATE OR REPLACE FUNCTION "SearchSpan"(document tsvector, words text[]) RETURNS integer
            LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
            DECLARE
                word_at integer[];
                place_at integer[];
                seen integer[];
                wanted integer := cardinality(words);
                covered integer := 0;
                best integer;
                low integer := 1;
            BEGIN
                SELECT array_agg(h.word ORDER BY h.place), array_agg(h.place ORDER BY h.place)
                INTO word_at, place_at
                FROM (SELECT array_position(words, u.lexeme) AS word, unnest(u.positions)::integer AS place
                      FROM unnest(document) AS u(lexeme, positions, weights)
                      WHERE u.lexeme = ANY (words)) AS h;
                IF word_at IS NULL OR wanted = 0 THEN
                    RETURN NULL;
                END IF;
                seen := array_fill(0, ARRAY[wanted]);
                FOR high IN 1 .. cardinality(word_at) LOOP
                    IF seen[word_at[high]] = 0 THEN
                        covered := covered + 1;
                    END IF;
                    seen[word_at[high]] := seen[word_at[high]] + 1;
                    WHILE covered = wanted LOOP
                        IF best IS NULL OR place_at[high] - place_at[low] + 1 < best THEN
                            best := place_at[high] - place_at[low] + 1;
                        END IF;
                        seen[word_at[low]] := seen[word_at[low]] - 1;
                        IF seen[word_at[low]] = 0 THEN
                            covered := covered - 1;
                        END IF;
                        low := low + 1;
                    END LOOP;
                END LOOP;
                RETURN best;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchBodyMarked",
                table: "Articles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchTitleMarked",
                table: "Articles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(SearchSpan);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "SearchSpan"(tsvector, text[]);""");
            migrationBuilder.DropColumn(
                name: "SearchBodyMarked",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SearchTitleMarked",
                table: "Articles");
        }
    }
}
