package org.broadsheet.migrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.article.OldPermalinks;
import org.springframework.stereotype.Component;

/**
 * Old permalinks of imported posts that look like article addresses. The import keeps each as WordPress's
 * {@code <link>} gave it, decoded ({@code /2021/04/05/санкции-2021/}); a reader's link may carry it decoded or
 * not, with WordPress's lower-case escapes ({@code %d1%81}) or a browser's upper-case ones ({@code %D1%81}), so
 * each of those spellings is looked up.
 */
@Component
class ImportedPermalinks implements OldPermalinks {

    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final Redirects redirects;

    ImportedPermalinks(Redirects redirects) {
        this.redirects = redirects;
    }

    @Override
    public Optional<String> currentAddress(String requestedPath) {
        for (String path : spellings(requestedPath)) {
            Optional<String> target = redirects.target(path);
            if (target.isPresent()) {
                return target;
            }
        }
        return Optional.empty();
    }

    /** The ways the import may have recorded this path: decoded (composed, as typed text is), then as sent. */
    static Set<String> spellings(String requestedPath) {
        Set<String> out = new LinkedHashSet<>();
        try {
            String decoded = URLDecoder.decode(requestedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            out.add(Normalizer.normalize(decoded, Normalizer.Form.NFC));
            out.add(decoded);
        } catch (IllegalArgumentException e) {
            // a broken escape: no decoded spelling
        }
        out.add(lowerCaseEscapes(requestedPath));
        out.add(requestedPath);
        return out;
    }

    private static String lowerCaseEscapes(String path) {
        Matcher m = ESCAPE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }
}
