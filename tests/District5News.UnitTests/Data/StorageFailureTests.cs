using District5News.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace District5News.UnitTests.Data;

public sealed class StorageFailureTests
{
    [Theory]
    [InlineData(8)]    // SQLITE_READONLY
    [InlineData(1032)] // SQLITE_READONLY_DBMOVED: extended codes keep the primary one in the low byte
    [InlineData(10)]   // SQLITE_IOERR
    [InlineData(778)]  // SQLITE_IOERR_WRITE
    [InlineData(13)]   // SQLITE_FULL
    [InlineData(14)]   // SQLITE_CANTOPEN
    [InlineData(5)]    // SQLITE_BUSY, after the busy timeout
    [InlineData(6)]    // SQLITE_LOCKED
    public void Is_SqliteStorageCodes_WrappedOrNot_True(int code)
    {
        var sqlite = new SqliteException("refused", code);

        Assert.True(StorageFailure.Is(sqlite));
        Assert.True(StorageFailure.Is(new DbUpdateException("save failed", sqlite)));
    }

    [Theory]
    [InlineData(1)]  // SQLITE_ERROR: a bad statement is a bug, not the disk
    [InlineData(11)] // SQLITE_CORRUPT: retrying cannot help
    [InlineData(19)] // SQLITE_CONSTRAINT
    [InlineData(26)] // SQLITE_NOTADB
    public void Is_OtherSqliteCodes_False(int code) =>
        Assert.False(StorageFailure.Is(new DbUpdateException("save failed", new SqliteException("no", code))));

    [Fact]
    public void Is_DiskFullWritingAFile_True() =>
        Assert.True(StorageFailure.Is(new IOException("No space left on device", 28)));

    [Fact]
    public void Is_OtherExceptions_False()
    {
        Assert.False(StorageFailure.Is(new InvalidOperationException("bug")));
        Assert.False(StorageFailure.Is(new IOException("file not found", 2)));
        Assert.False(StorageFailure.Is(null));
    }
}
