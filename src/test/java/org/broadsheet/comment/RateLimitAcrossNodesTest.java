package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.testing.Instances;
import org.broadsheet.testing.Postgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database, as behind a load balancer: bursts of comments from several network addresses at
 * once, each spread over both nodes, stop at the hourly limit of each address as they do on one node. Each node has its own locks in memory, so only the
 * database's locks can keep the two from letting the same comments through.
 */
class RateLimitAcrossNodesTest {

    private static final int LIMIT = 3;
    private static final int POSTS = 10;
    private static final int ADDRESSES = 8;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBurstSpreadOverTwoNodesStopsAtTheLimitOnH2() throws Exception {
        String url = "jdbc:h2:mem:rate-nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        burstOverTwoNodes("--spring.datasource.url=" + url);
    }

    @Test
    void aBurstSpreadOverTwoNodesStopsAtTheLimitOnPostgres() throws Exception {
        Postgres.require();
        burstOverTwoNodes(Postgres.freshSchemaArguments());
    }

    private void burstOverTwoNodes(String... database) throws Exception {
        String[] args = Arrays.copyOf(database, database.length + 2);
        // Behind the balancer a node takes the reader's address from X-Forwarded-For, as README advises.
        args[database.length] = "--server.forward-headers-strategy=native";
        // Few connections: the test database serves the other test classes' cached contexts too, and posts that
        // wait for a connection as well as for each other's locks are a harder case, not an easier one.
        args[database.length + 1] = "--spring.datasource.hikari.maximum-pool-size=3";
        try (ConfigurableApplicationContext first = Instances.start(args)) {
            OffsetDateTime published = OffsetDateTime.of(2026, 5, 5, 12, 0, 0, 0, ZoneOffset.UTC);
            long articleId = first.getBean(ArticleService.class).create(new ArticleService.NewArticle("two-nodes-one-limit",
                    "en", "Two nodes, one limit", "", "On limits.", ArticleStatus.PUBLISHED, published, null, null, "", "",
                    "", "", null, null, "", null, false, List.of(), List.of(), List.of()));
            first.getBean(DiscussionSettings.class).save(Map.of("ip_per_hour", String.valueOf(LIMIT), "email_per_hour", "0"));
            // Started once the settings are stored, so that it reads them as they are.
            try (ConfigurableApplicationContext second = Instances.start(args)) {
                List<String> nodes = List.of("http://127.0.0.1:" + Instances.port(first), "http://127.0.0.1:" + Instances.port(second));
                for (String node : nodes) {
                    // The first request a node answers is slow: it would keep one node's posts from meeting the other's.
                    assertThat(post(node, "203.0.113.250", "name=&email=&text=&token=").get().statusCode()).isEqualTo(400);
                }
                FormTokens tokens = first.getBean(FormTokens.class);
                Map<String, List<CompletableFuture<HttpResponse<String>>>> answers = new LinkedHashMap<>();
                for (int i = 0; i < POSTS; i++) {
                    for (int a = 0; a < ADDRESSES; a++) {
                        // Each address's posts alternate between the nodes, all sent at once.
                        String form = "name=" + enc("Burst " + i) + "&email=" + enc("burst" + a + "-" + i + "@example.net")
                                + "&text=" + enc("Burst comment " + i + " from address " + a + ".")
                                + "&token=" + enc(tokens.issue(articleId, Instant.now().minusSeconds(60)));
                        answers.computeIfAbsent("203.0.113." + a, k -> new ArrayList<>())
                                .add(post(nodes.get(i % 2), "203.0.113." + a, form));
                    }
                }
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                for (Map.Entry<String, List<CompletableFuture<HttpResponse<String>>>> address : answers.entrySet()) {
                    List<Integer> statuses = new ArrayList<>();
                    for (CompletableFuture<HttpResponse<String>> answer : address.getValue()) {
                        HttpResponse<String> response = answer.get();
                        statuses.add(response.statusCode());
                        if (response.statusCode() == 429) {
                            Document page = Jsoup.parse(response.body());
                            assertThat(page.select(".form-problems").text()).contains("Too many comments from your network");
                            assertThat(page.selectFirst("textarea[name=text]").val()).startsWith("Burst comment ");
                        }
                    }
                    assertThat(statuses).as(address.getKey()).filteredOn(s -> s == 302).hasSize(LIMIT);
                    assertThat(statuses).as(address.getKey()).filteredOn(s -> s == 429).hasSize(POSTS - LIMIT);
                    assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_ip = :ip").param("ip", address.getKey())
                            .query(Long.class).single()).as(address.getKey()).isEqualTo(LIMIT);
                }
            }
        }
    }

    /** Posts a comment form to a node as if through the load balancer, which names the reader's address. */
    private CompletableFuture<HttpResponse<String>> post(String node, String readerAddress, String form) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(node + "/2026/05/05/two-nodes-one-limit/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", readerAddress)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
