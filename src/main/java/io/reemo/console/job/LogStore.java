package io.reemo.console.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The job_log table: batch inserts by the writer, range reads by the followers and pages. */
@Repository
class LogStore {

    /** Lines read per query when replaying or exporting. */
    static final int PAGE = 2000;

    private final JdbcTemplate jdbc;
    private final JdbcClient db;
    private final TransactionTemplate tx;

    LogStore(JdbcTemplate jdbc, JdbcClient db, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.db = db;
        this.tx = tx;
    }

    record Stored(long jobId, LogLine line) {
    }

    /** One transaction for the whole batch: either every line is stored or none is. */
    void insert(List<Stored> batch) {
        tx.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO job_log (job_id, seq, at, step, node, stream, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Stored stored = batch.get(i);
                        LogLine line = stored.line();
                        ps.setLong(1, stored.jobId());
                        ps.setLong(2, line.seq());
                        ps.setObject(3, JobStore.at(line.time()));
                        ps.setString(4, line.step());
                        ps.setString(5, line.node());
                        ps.setString(6, line.stream().code());
                        ps.setString(7, line.text());
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                }));
    }

    /**
     * Lines with {@code afterSeq < seq <= upToSeq}, at most {@code limit}, in order. Ordering by {@code job_id, seq} (not just seq)
     * lets H2 walk the primary key in order and stop at the limit; ordered by seq alone, it sorts every remaining
     * line of the job first, which makes reading a 1,000,000-line log page by page quadratic.
     */
    List<LogLine> read(long jobId, long afterSeq, long upToSeq, int limit) {
        return db.sql("SELECT seq, at, step, node, stream, text FROM job_log WHERE job_id = ? AND seq > ? AND seq <= ? ORDER BY job_id, seq LIMIT ?")
                .params(jobId, afterSeq, upToSeq, limit).query(LogStore::line).list();
    }

    /** Lines matching the filters (each {@code null} for any), newest last, before {@code beforeSeq}. */
    List<LogLine> search(long jobId, long beforeSeq, String step, String node, String text, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, at, step, node, stream, text FROM job_log WHERE job_id = ? AND seq < ?");
        List<Object> params = new ArrayList<>(List.of(jobId, beforeSeq));
        if (step != null) {
            sql.append(" AND step = ?");
            params.add(step);
        }
        if (node != null) {
            sql.append(" AND node = ?");
            params.add(node);
        }
        if (text != null) {
            sql.append(" AND LOCATE(LOWER(?), LOWER(text)) > 0");
            params.add(text);
        }
        sql.append(" ORDER BY job_id DESC, seq DESC LIMIT ?"); // walks the primary key backwards, see read()
        params.add(limit);
        List<LogLine> lines = new ArrayList<>(db.sql(sql.toString()).params(params).query(LogStore::line).list());
        Collections.reverse(lines);
        return lines;
    }


    /** Streams the whole log page by page, never holding more than one page. */
    void forEach(long jobId, LineConsumer consumer) {
        long after = 0;
        while (true) {
            List<LogLine> page = read(jobId, after, Long.MAX_VALUE, PAGE);
            for (LogLine line : page) {
                try {
                    consumer.accept(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    interface LineConsumer {
        void accept(LogLine line) throws IOException;
    }

    private static LogLine line(ResultSet rs, int row) throws SQLException {
        return new LogLine(rs.getLong("seq"), JobStore.instant(rs, "at"), rs.getString("step"), rs.getString("node"),
                LogChannel.fromCode(rs.getString("stream")), rs.getString("text"));
    }
}
