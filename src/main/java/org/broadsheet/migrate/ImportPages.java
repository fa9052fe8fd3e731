package org.broadsheet.migrate;

import java.util.List;
import java.util.Map;

/** What the newsroom's import templates show. */
public final class ImportPages {

    private ImportPages() {
    }

    /** The upload form and the imports started since the server started. */
    public record Form(List<JobView> jobs, String maxSize) {
    }

    /** One import's progress or result. */
    public record Progress(JobView job) {
    }

    /**
     * @param state        "WAITING", "RUNNING", "FINISHED" or "FAILED"
     * @param etaSeconds   -1 when unknown
     */
    public record JobView(String id, String fileName, String startedBy, String startedAt, String state, int percent,
                          long items, long itemsPerSecond, long etaSeconds, Map<String, Long> counts, String failure,
                          List<String> summary) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        public boolean waiting() {
            return "WAITING".equals(state);
        }

        public String url() {
            return "/newsroom/import/" + id + "/";
        }

        public String eta() {
            return etaSeconds < 0 ? "–" : String.format("%d:%02d", etaSeconds / 60, etaSeconds % 60);
        }
    }
}
