package org.broadsheet.spam;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Nobody reads an article and writes a comment within a few seconds of the page being served. The time is
 * measured from when the form was rendered, which for a cached page is earlier than when the reader got it,
 * so the measured time can only be too long: this check never wrongly accuses a slow, real reader.
 */
@Component
class TimeToSubmitCheck implements SpamCheck {

    static final Duration TOO_FAST = Duration.ofSeconds(4);

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        Duration time = draft.timeToSubmit();
        if (time == null || time.compareTo(TOO_FAST) >= 0) {
            return SpamSignal.neutral("time");
        }
        return SpamSignal.of("time", 3, String.format(Locale.ROOT, "sent %.1f s after the form was served",
                Math.max(0, time.toMillis()) / 1000.0));
    }
}
