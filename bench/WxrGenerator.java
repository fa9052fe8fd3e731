import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic WordPress export (WXR 1.2) for the import benchmark: POSTS posts with COMMENTS comments
 * spread over them (threaded), 30 authors, 24 categories in two levels, 300 tags, classic-editor and
 * block-editor bodies with captions, footnotes and shortcodes. Words are drawn from the English news corpus
 * when it is at hand, so that text has realistic word lengths. Deterministic (fixed seed).
 *
 * Run: java bench/WxrGenerator.java OUT.xml [POSTS] [COMMENTS] [CORPUS_DIR] [PARAGRAPHS]
 * (PARAGRAPHS per post body, default 5; more makes a larger file of the same shape)
 */
public class WxrGenerator {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-50k.xml");
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Path corpus = Path.of(args.length > 3 ? args[3] : "../shared/data/corpus/en-bbc-sample");
        int paragraphs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        List<String> words = words(corpus);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Benchmark Journal</title>
                    <link>https://bench.example</link>
                    <language>en</language>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    <wp:base_site_url>https://bench.example</wp:base_site_url>
                    <wp:base_blog_url>https://bench.example</wp:base_blog_url>
                    """);
            for (int a = 1; a <= 30; a++) {
                w.write("<wp:author><wp:author_id>" + a + "</wp:author_id><wp:author_login><![CDATA[author" + a
                        + "]]></wp:author_login><wp:author_email>author" + a + "@bench.example</wp:author_email>"
                        + "<wp:author_display_name><![CDATA[Author " + a + "]]></wp:author_display_name></wp:author>\n");
            }
            for (int c = 1; c <= 24; c++) {
                String parent = c > 6 ? "section-" + ((c - 1) % 6 + 1) : "";
                w.write("<wp:category><wp:term_id>" + c + "</wp:term_id><wp:category_nicename>section-" + c
                        + "</wp:category_nicename><wp:category_parent>" + parent + "</wp:category_parent><wp:cat_name><![CDATA[Section "
                        + c + "]]></wp:cat_name></wp:category>\n");
            }
            for (int t = 1; t <= 300; t++) {
                w.write("<wp:tag><wp:term_id>" + (100 + t) + "</wp:term_id><wp:tag_slug>tag-" + t
                        + "</wp:tag_slug><wp:tag_name><![CDATA[Tag " + t + "]]></wp:tag_name></wp:tag>\n");
            }
            long commentId = 1;
            for (int p = 1; p <= posts; p++) {
                int remainingPosts = posts - p + 1;
                long remainingComments = comments - (commentId - 1);
                int count = (int) Math.min(remainingComments, p == posts ? remainingComments
                        : Math.max(0, Math.round(remainingComments / (double) remainingPosts + random.nextGaussian())));
                String date = String.format("20%02d-%02d-%02d %02d:%02d:00", 10 + p % 15, 1 + p % 12, 1 + p % 28, p % 24, p % 60);
                StringBuilder item = new StringBuilder(4096);
                String title = sentence(words, random, 6).replace(".", "");
                item.append("<item><title><![CDATA[").append(title).append("]]></title>")
                        .append("<link>https://bench.example/?p=").append(p).append("</link>")
                        .append("<dc:creator><![CDATA[author").append(1 + p % 30).append("]]></dc:creator>")
                        .append("<guid isPermaLink=\"false\">https://bench.example/?p=").append(p).append("</guid>")
                        .append("<content:encoded><![CDATA[").append(body(words, random, p, paragraphs)).append("]]></content:encoded>")
                        .append("<excerpt:encoded><![CDATA[").append(sentence(words, random, 20)).append("]]></excerpt:encoded>")
                        .append("<wp:post_id>").append(p).append("</wp:post_id>")
                        .append("<wp:post_date>").append(date).append("</wp:post_date><wp:post_date_gmt>").append(date).append("</wp:post_date_gmt>")
                        .append("<wp:comment_status>open</wp:comment_status><wp:post_name>post-").append(p).append("</wp:post_name>")
                        .append("<wp:status>").append(p % 20 == 0 ? "draft" : "publish").append("</wp:status>")
                        .append("<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>")
                        .append("<category domain=\"category\" nicename=\"section-").append(1 + p % 24).append("\"><![CDATA[Section ")
                        .append(1 + p % 24).append("]]></category>");
                for (int t = 0; t < 3; t++) {
                    int tag = 1 + random.nextInt(300);
                    item.append("<category domain=\"post_tag\" nicename=\"tag-").append(tag).append("\"><![CDATA[Tag ").append(tag).append("]]></category>");
                }
                long first = commentId;
                for (int c = 0; c < count; c++, commentId++) {
                    long parent = c > 0 && random.nextInt(3) == 0 ? first + random.nextInt(c) : 0;
                    item.append("<wp:comment><wp:comment_id>").append(commentId).append("</wp:comment_id>")
                            .append("<wp:comment_author><![CDATA[Reader ").append(commentId % 997).append("]]></wp:comment_author>")
                            .append("<wp:comment_author_email>reader").append(commentId % 997).append("@bench.example</wp:comment_author_email>")
                            .append("<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>192.0.2.").append(commentId % 250).append("</wp:comment_author_IP>")
                            .append("<wp:comment_date>").append(date).append("</wp:comment_date><wp:comment_date_gmt>").append(date).append("</wp:comment_date_gmt>")
                            .append("<wp:comment_content><![CDATA[").append(sentence(words, random, 15 + random.nextInt(40)))
                            .append("\n\n").append(sentence(words, random, 10)).append("]]></wp:comment_content>")
                            .append("<wp:comment_approved>").append(commentId % 10 == 0 ? "0" : "1").append("</wp:comment_approved>")
                            .append("<wp:comment_type>comment</wp:comment_type><wp:comment_parent>").append(parent).append("</wp:comment_parent></wp:comment>");
                }
                item.append("</item>\n");
                w.write(item.toString());
            }
            w.write("</channel>\n</rss>\n");
        }
        System.out.printf("Wrote %s: %,d posts, %,d comments, %,d MB%n", out, posts, comments, Files.size(out) >> 20);
    }

    private static String body(List<String> words, Random random, int p, int paragraphs) {
        StringBuilder b = new StringBuilder();
        boolean blocks = p % 2 == 0;
        for (int i = 0; i < paragraphs; i++) {
            String text = sentence(words, random, 40 + random.nextInt(40));
            if (i == 1) {
                text += p % 3 == 0 ? "[ref]" + sentence(words, random, 8) + "[/ref]" : "";
            }
            if (blocks) {
                b.append("<!-- wp:paragraph -->\n<p>").append(text.replace(" the ", " <strong>the</strong> ")).append("</p>\n<!-- /wp:paragraph -->\n\n");
            } else {
                b.append(text.replace(" of ", " <em>of</em> ")).append("\n\n");
            }
            if (i == 2 && p % 5 == 0) {
                b.append("[caption id=\"attachment_").append(p).append("\" width=\"600\"]<img src=\"https://bench.example/wp-content/uploads/2020/01/image-")
                        .append(p).append(".jpg\" alt=\"Image\" width=\"600\" height=\"400\" /> ").append(sentence(words, random, 6)).append("[/caption]\n\n");
            }
            if (i == 3 && p % 7 == 0) {
                b.append("<h2>").append(sentence(words, random, 4)).append("</h2>\n\n<ul>\n<li>").append(sentence(words, random, 6))
                        .append("</li>\n<li>").append(sentence(words, random, 6)).append("</li>\n</ul>\n\n");
            }
        }
        return b.toString();
    }

    private static String sentence(List<String> words, Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String word = words.get(random.nextInt(words.size()));
            s.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(i == n - 1 ? "." : " ");
        }
        return s.toString();
    }

    private static List<String> words(Path corpus) throws IOException {
        List<String> words = new ArrayList<>();
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.walk(corpus)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                    for (String token : Files.readString(f, StandardCharsets.ISO_8859_1).toLowerCase().split("[^a-z]+")) {
                        if (token.length() > 1) {
                            words.add(token);
                        }
                    }
                }
            }
        }
        if (words.size() < 100) {
            words.addAll(List.of(("the of and to in a is that for on with as by at from it be this was are an which "
                    + "government policy sanctions energy security trade minister europe asia analysis diplomacy summit "
                    + "region alliance economy market strategy power state treaty border talks reform crisis").split(" ")));
        }
        return words;
    }
}
