package org.broadsheet.spam;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.broadsheet.support.SiteWideChange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The optional Akismet client (REST API 1.1): {@code comment-check}, {@code submit-spam}, {@code submit-ham},
 * {@code verify-key}. Off until an API key is saved in the discussion settings (or set with
 * {@code broadsheet.akismet.api-key}); until then no comment data leaves the server.
 */
@Service
public class Akismet {

    static final String KEY_SETTING = "akismet_key";

    /** What Akismet said about a comment. {@code discard}: blatant spam, per its pro-tip header. */
    public record Answer(boolean spam, boolean discard) {
    }

    public static class AkismetException extends RuntimeException {
        AkismetException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final String endpoint;
    private final String configuredKey;
    private final String blogUrl;
    private final Duration timeout;
    /** Made at the first call: building one loads the TLS set-up (~0.2 s of a start), and most sites never call. */
    private final SingletonSupplier<HttpClient> http;

    Akismet(JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("${broadsheet.akismet.endpoint:https://rest.akismet.com/1.1}") String endpoint,
            @Value("${broadsheet.akismet.api-key:}") String configuredKey,
            @Value("${broadsheet.base-url:}") String blogUrl,
            @Value("${broadsheet.akismet.timeout:3s}") Duration timeout) {
        this.jdbc = jdbc;
        this.events = events;
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.configuredKey = configuredKey;
        this.blogUrl = blogUrl;
        this.timeout = timeout;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(timeout).build());
    }

    /** The API key in force: the property when set, else the one saved in the newsroom. */
    public Optional<String> key() {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return Optional.of(configuredKey.strip());
        }
        return jdbc.sql("SELECT setting_value FROM discussion_setting WHERE name = :n").param("n", KEY_SETTING)
                .query(String.class).optional().filter(k -> !k.isBlank());
    }

    /** True when the key comes from {@code broadsheet.akismet.api-key}, which the newsroom cannot change. */
    public boolean keyFromProperty() {
        return configuredKey != null && !configuredKey.isBlank();
    }

    public boolean enabled() {
        return key().isPresent();
    }

    /**
     * Saves a key after Akismet has verified it (an empty key switches Akismet off).
     *
     * @throws AkismetException when Akismet rejects the key or cannot be reached
     */
    @Transactional
    public void saveKey(String key, String siteUrl) {
        String clean = key == null ? "" : key.strip();
        if (!clean.isEmpty() && !verifyKey(clean, siteUrl)) {
            throw new AkismetException("Akismet says this API key is not valid.");
        }
        int updated = jdbc.sql("UPDATE discussion_setting SET setting_value = :v WHERE name = :n")
                .param("v", clean).param("n", KEY_SETTING).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO discussion_setting (name, setting_value) VALUES (:n, :v)")
                    .param("n", KEY_SETTING).param("v", clean).update();
        }
        // The privacy page says whether comments go to Akismet: a cached copy must not say otherwise.
        events.publishEvent(new SiteWideChange("akismet"));
    }

    boolean verifyKey(String key, String siteUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("blog", blog(siteUrl));
        HttpResponse<String> response = post("/verify-key", form);
        return "valid".equals(response.body().strip());
    }

    /** @throws AkismetException on a timeout, an error or an answer that is neither "true" nor "false" */
    Answer check(CommentDraft draft) {
        HttpResponse<String> response = post("/comment-check", fields(draft));
        String body = response.body().strip();
        if ("true".equals(body)) {
            boolean discard = response.headers().firstValue("X-akismet-pro-tip").map("discard"::equals).orElse(false);
            return new Answer(true, discard);
        }
        if ("false".equals(body)) {
            return new Answer(false, false);
        }
        throw new AkismetException("unexpected answer from comment-check: " + response.headers()
                .firstValue("X-akismet-debug-help").orElse(body.length() > 100 ? body.substring(0, 100) : body));
    }

    void submit(CommentDraft draft, boolean spam) {
        post(spam ? "/submit-spam" : "/submit-ham", fields(draft));
    }

    private Map<String, String> fields(CommentDraft d) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key().orElseThrow(() -> new AkismetException("Akismet is not configured")));
        form.put("blog", blog(d.articleUrl()));
        form.put("user_ip", nonNull(d.ip()));
        form.put("user_agent", nonNull(d.userAgent()));
        form.put("referrer", nonNull(d.referrer()));
        form.put("permalink", nonNull(d.articleUrl()));
        form.put("comment_type", "comment");
        form.put("comment_author", nonNull(d.authorName()));
        form.put("comment_author_email", nonNull(d.authorEmail()));
        form.put("comment_author_url", nonNull(d.authorUrl()));
        form.put("comment_content", nonNull(d.text()));
        if (d.articleLanguage() != null) {
            form.put("blog_lang", d.articleLanguage());
        }
        form.put("blog_charset", "UTF-8");
        return form;
    }

    private String blog(String fallbackUrl) {
        if (blogUrl != null && !blogUrl.isBlank()) {
            return blogUrl;
        }
        if (fallbackUrl == null || fallbackUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(fallbackUrl);
        return uri.getScheme() == null ? fallbackUrl : uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "Broadsheet/1.0 | Akismet/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AkismetException("Akismet answered HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new AkismetException("Akismet could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AkismetException("interrupted while waiting for Akismet");
        } catch (IllegalArgumentException e) {
            throw new AkismetException("bad Akismet address: " + e.getMessage());
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
