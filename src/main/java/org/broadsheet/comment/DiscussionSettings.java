package org.broadsheet.comment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.spam.SpamRules;
import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discussion settings editors change in the newsroom, stored as rows of {@code discussion_setting} so that
 * every node uses the same ones. Anything not set falls back to the defaults in {@link Settings#DEFAULTS}.
 */
@Service
public class DiscussionSettings {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadMostly<String, Settings> kept;

    DiscussionSettings(JdbcClient jdbc, ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.jdbc = jdbc;
        this.events = events;
        this.kept = caches.create(1);
    }

    /**
     * @param openByDefault       whether new articles accept comments (the article's own switch decides after that)
     * @param closeAfterDays      close discussions this many days after publication; 0 = never
     * @param holdFirstComment    hold a commenter's comments until one of theirs has been approved
     * @param holdAll             hold every comment for a moderator
     * @param maxLinks            hold comments with more links than this
     * @param maxDepth            replies nest this deep; deeper replies are shown at this depth
     * @param perPage             top-level comments per page
     * @param newestFirst         order of top-level comments
     * @param ipPerHour           comments per IP address per hour before the 429 page; 0 = no limit
     * @param emailPerHour        comments per email address per hour; 0 = no limit
     * @param retentionDays       IP address and user agent are erased this many days after posting
     * @param moderatorEmails     who is emailed about comments awaiting moderation
     * @param notifyAuthors       also email the article's authors who have an enabled staff account (once each,
     *                            even when they are moderators too)
     */
    public record Settings(boolean openByDefault, int closeAfterDays, boolean holdFirstComment, boolean holdAll,
                           int maxLinks, int maxDepth, int perPage, boolean newestFirst, int ipPerHour,
                           int emailPerHour, int retentionDays, List<String> disallowedWords,
                           List<String> disallowedIps, List<String> disallowedEmails, List<String> moderatorEmails,
                           boolean notifyAuthors) {

        static final Map<String, String> DEFAULTS = Map.ofEntries(
                Map.entry("open_by_default", "true"), Map.entry("close_after_days", "0"),
                Map.entry("hold_first_comment", "true"), Map.entry("hold_all", "false"),
                Map.entry("max_links", "2"), Map.entry("max_depth", "5"), Map.entry("per_page", "50"),
                Map.entry("newest_first", "false"), Map.entry("ip_per_hour", "20"), Map.entry("email_per_hour", "10"),
                Map.entry("retention_days", "60"), Map.entry("disallowed_words", ""), Map.entry("disallowed_ips", ""),
                Map.entry("disallowed_emails", ""), Map.entry("moderator_emails", ""), Map.entry("notify_authors", "false"));

        /** The settings as the table and the settings form spell them: names as in {@link #DEFAULTS}, lists one entry a line. */
        public Map<String, String> asText() {
            return Map.ofEntries(
                    Map.entry("open_by_default", String.valueOf(openByDefault)), Map.entry("close_after_days", String.valueOf(closeAfterDays)),
                    Map.entry("hold_first_comment", String.valueOf(holdFirstComment)), Map.entry("hold_all", String.valueOf(holdAll)),
                    Map.entry("max_links", String.valueOf(maxLinks)), Map.entry("max_depth", String.valueOf(maxDepth)),
                    Map.entry("per_page", String.valueOf(perPage)), Map.entry("newest_first", String.valueOf(newestFirst)),
                    Map.entry("ip_per_hour", String.valueOf(ipPerHour)), Map.entry("email_per_hour", String.valueOf(emailPerHour)),
                    Map.entry("retention_days", String.valueOf(retentionDays)),
                    Map.entry("disallowed_words", String.join("\n", disallowedWords)),
                    Map.entry("disallowed_ips", String.join("\n", disallowedIps)),
                    Map.entry("disallowed_emails", String.join("\n", disallowedEmails)),
                    Map.entry("moderator_emails", String.join("\n", moderatorEmails)),
                    Map.entry("notify_authors", String.valueOf(notifyAuthors)));
        }

        public SpamRules spamRules() {
            return new SpamRules(maxLinks, disallowedWords, disallowedIps, disallowedEmails);
        }
    }

    /** The settings in force: every article page needs them, so they are kept until they change. */
    public Settings current() {
        return kept.get("settings", k -> read());
    }

    private Settings read() {
        Map<String, String> v = new HashMap<>(Settings.DEFAULTS);
        jdbc.sql("SELECT name, setting_value FROM discussion_setting")
                .query((rs, n) -> v.put(rs.getString(1), rs.getString(2))).list();
        return new Settings(bool(v, "open_by_default"), number(v, "close_after_days", 0, 36500),
                bool(v, "hold_first_comment"), bool(v, "hold_all"), number(v, "max_links", 0, 100),
                number(v, "max_depth", 1, 10), number(v, "per_page", 1, 500), bool(v, "newest_first"),
                number(v, "ip_per_hour", 0, 100000), number(v, "email_per_hour", 0, 100000),
                number(v, "retention_days", 1, 3650), lines(v.get("disallowed_words")), lines(v.get("disallowed_ips")),
                lines(v.get("disallowed_emails")), lines(v.get("moderator_emails")), bool(v, "notify_authors"));
    }

    /** Stores the given settings (names as in {@link Settings#DEFAULTS}); unknown names are refused. */
    @Transactional
    public void save(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!Settings.DEFAULTS.containsKey(e.getKey())) {
                throw new IllegalArgumentException("Unknown discussion setting " + e.getKey());
            }
            put(e.getKey(), e.getValue());
        }
        // Every article page shows the discussion (open or closed, order, page size): all of them change.
        events.publishEvent(new SiteWideChange("discussion settings"));
    }

    void put(String name, String value) {
        int updated = jdbc.sql("UPDATE discussion_setting SET setting_value = :v WHERE name = :n")
                .param("n", name).param("v", value).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO discussion_setting (name, setting_value) VALUES (:n, :v)")
                    .param("n", name).param("v", value).update();
        }
    }

    private static boolean bool(Map<String, String> v, String name) {
        return Boolean.parseBoolean(v.get(name).strip());
    }

    private static int number(Map<String, String> v, String name, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.get(name).strip())));
        } catch (NumberFormatException e) {
            return Integer.parseInt(Settings.DEFAULTS.get(name));
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
