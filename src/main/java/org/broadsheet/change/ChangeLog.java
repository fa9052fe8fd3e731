package org.broadsheet.change;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The change log: one row per change readers can see, written in the same transaction as the change. Nodes
 * follow it through {@link ContentChanged} events; a feature that keeps its own persistent copy of content
 * (the search index) reads it directly to catch up after a restart.
 */
@Service
public class ChangeLog {

    private final ChangeLogRepository repository;
    private final Clock clock;
    private final String nodeId;
    private volatile long processedThrough = -1;

    ChangeLog(ChangeLogRepository repository, Clock clock, @Value("${broadsheet.node-id:}") String nodeId) {
        this.repository = repository;
        this.clock = clock;
        this.nodeId = nodeId.isBlank() ? defaultNodeId() : nodeId;
    }

    /** This node's name in the log: {@code broadsheet.node-id}, else host name and process id. */
    public String nodeId() {
        return nodeId;
    }

    /** Appends a row in the caller's transaction and returns its sequence number. */
    public long append(String entity, long entityId, Long articleId, String action) {
        return repository.append(entity, entityId, articleId, action, nodeId, OffsetDateTime.now(clock));
    }

    /**
     * Appends one row per article in the caller's transaction, in one batch; returns the newest sequence
     * number. For articles the changed entity is its own article.
     */
    public long appendAll(String entity, List<Long> articleIds, String action) {
        return repository.appendAll(entity, articleIds, action, nodeId, OffsetDateTime.now(clock));
    }

    /** The rows after {@code seq}, oldest first, at most {@code limit}. */
    public List<ContentChanged> after(long seq, int limit) {
        return repository.after(seq, limit);
    }

    /** The newest sequence number, 0 for an empty log. */
    public long latestSeq() {
        return repository.maxSeq();
    }

    /**
     * Every row up to this sequence number has been published as {@link ContentChanged} on this node (and its
     * listeners have returned); -1 before the dispatcher starts. A persistent consumer records it with its
     * own state, and after a restart replays the rows after it.
     */
    public long processedThrough() {
        return processedThrough;
    }

    void markProcessed(long seq) {
        processedThrough = seq;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        return id.length() > 100 ? id.substring(0, 100) : id;
    }
}
