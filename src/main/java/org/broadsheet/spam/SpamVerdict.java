package org.broadsheet.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The filter's conclusion: approve, hold for a person, or spam (kept, reviewable in the Spam tab).
 *
 * @param score   the sum of the signals' points
 * @param signals every check that had an opinion, for the moderator to read
 * @param recheck a check failed; the comment is held and should be checked again later
 */
public record SpamVerdict(Decision decision, double score, List<SpamSignal> signals, boolean recheck) {

    /** At or above this many points a comment is spam. */
    public static final double SPAM_AT = 6.0;
    /** At or above this many points (and below {@link #SPAM_AT}) a comment waits for a moderator. */
    public static final double HOLD_AT = 2.0;

    /** A line of {@link #reasons()}: "check: reason [+1.5]" or "check: reason [check failed]". */
    private static final Pattern LINE = Pattern.compile("([^:\\n]+): (.*) \\[(?:([+-]\\d+(?:\\.\\d+)?)|(check failed))\\]");

    public enum Decision {
        APPROVE, HOLD, SPAM
    }

    /** Adds up the signals. A failed check can only make the verdict stricter than approve, and never spam. */
    public static SpamVerdict combine(List<SpamSignal> signals) {
        double score = signals.stream().mapToDouble(SpamSignal::score).sum();
        boolean failed = signals.stream().anyMatch(SpamSignal::failed);
        Decision decision;
        if (failed) {
            decision = Decision.HOLD;
        } else if (score >= SPAM_AT) {
            decision = Decision.SPAM;
        } else if (score >= HOLD_AT) {
            decision = Decision.HOLD;
        } else {
            decision = Decision.APPROVE;
        }
        return new SpamVerdict(decision, score, signals.stream().filter(SpamSignal::hasOpinion).toList(), failed);
    }

    /**
     * The signals as {@link #reasons()} stored them, for a later re-check; a line that does not read as one (cut
     * short by the column's limit) is left out.
     */
    public static List<SpamSignal> parse(String reasons) {
        List<SpamSignal> signals = new ArrayList<>();
        if (reasons == null) {
            return signals;
        }
        for (String line : reasons.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                signals.add(m.group(4) != null ? SpamSignal.failure(m.group(1), m.group(2))
                        : SpamSignal.of(m.group(1), Double.parseDouble(m.group(3)), m.group(2)));
            }
        }
        return signals;
    }

    /** One reason per line, e.g. "links: 3 links (more than 2 allowed) [+3.0]". */
    public String reasons() {
        return signals.stream()
                .map(s -> s.check() + ": " + s.reason() + (s.failed() ? " [check failed]"
                        : String.format(Locale.ROOT, " [%+.1f]", s.score())))
                .collect(Collectors.joining("\n"));
    }
}
