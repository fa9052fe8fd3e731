package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountService;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.spam.Akismet;
import org.broadsheet.spam.IpAddresses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Discussion settings for editors and administrators, at {@code /newsroom/comments/settings}. */
@Controller
class DiscussionSettingsController {

    private static final Map<String, int[]> NUMBERS = Map.of("close_after_days", new int[] {0, 36500},
            "max_links", new int[] {0, 100}, "max_depth", new int[] {1, 10}, "per_page", new int[] {1, 500},
            "ip_per_hour", new int[] {0, 100000}, "email_per_hour", new int[] {0, 100000},
            "retention_days", new int[] {1, 3650});
    private static final List<String> SWITCHES = List.of("open_by_default", "hold_first_comment", "hold_all",
            "newest_first", "notify_authors");
    private static final Pattern NOT_IN_ADDRESS = Pattern.compile("[,;:<>\"()\\[\\]\\\\\\p{Cntrl}]");
    private static final List<String> LISTS = List.of("disallowed_words", "disallowed_ips", "disallowed_emails", "moderator_emails");
    /** Refused entries named one by one in each list; a pasted list of hundreds gets a count of the rest. */
    private static final int ENTRIES_NAMED = 10;

    private final DiscussionSettings settings;
    private final Akismet akismet;
    private final SiteUrls urls;

    DiscussionSettingsController(DiscussionSettings settings, Akismet akismet, SiteUrls urls) {
        this.settings = settings;
        this.akismet = akismet;
        this.urls = urls;
    }

    @GetMapping("/newsroom/comments/settings")
    String show(@RequestParam(required = false) String saved, Model model) {
        return page(model, settings.current().asText(), List.of(), saved != null ? "Settings saved." : null);
    }

    @PostMapping("/newsroom/comments/settings")
    String save(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        NUMBERS.forEach((name, range) -> {
            String raw = form.getOrDefault(name, "").strip();
            try {
                int n = Integer.parseInt(raw);
                if (n < range[0] || n > range[1]) {
                    throw new NumberFormatException();
                }
                values.put(name, String.valueOf(n));
            } catch (NumberFormatException e) {
                problems.add(label(name) + " must be a whole number from " + range[0] + " to " + range[1] + ", not \"" + raw + "\".");
            }
        });
        SWITCHES.forEach(name -> values.put(name, String.valueOf(form.containsKey(name))));
        for (String name : LISTS) {
            String text = form.getOrDefault(name, "");
            if (text.length() > 20000) {
                problems.add(label(name) + " is too long (20,000 characters at most).");
            } else {
                values.put(name, text.replace("\r\n", "\n"));
            }
        }
        // Mail is sent to these later, from a background job: an address that cannot be parsed would only show up
        // there, as a message retried for ever, so it is refused here, where it was typed.
        refuseEntries("Moderator emails", form.get("moderator_emails"), DiscussionSettingsController::isMailAddress,
                "is not an email address. Give one address a line, such as moderator@example.org.", problems);
        // An entry of the disallowed lists that names no address would match no comment, without a word.
        refuseEntries("Disallowed IP addresses", form.get("disallowed_ips"), IpAddresses::isEntry,
                "is not an IP address, a range or the start of an address. Give one a line: an address (203.0.113.7,"
                        + " 2001:db8::5), a range (203.0.113.0/24, 2001:db8::/32) or the start of one, ending in \u201c.\u201d"
                        + " or \u201c:\u201d (203.0.113., 2001:db8:).", problems);
        refuseEntries("Disallowed email addresses", form.get("disallowed_emails"), DiscussionSettingsController::isDisallowedEmail,
                "is neither an email address nor \u201c@\u201d and a domain. Give one a line, such as spammer@example.com,"
                        + " or @example.com for a whole domain.", problems);
        if (!problems.isEmpty()) {
            // The form comes back as it was sent, so that one wrong entry does not cost the typing of the others.
            response.setStatus(400);
            return page(model, sent(form), problems, null);
        }
        settings.save(values);
        String key = form.get("akismet_key");
        if (key != null && !key.isBlank() || form.containsKey("akismet_off")) {
            try {
                akismet.saveKey(form.containsKey("akismet_off") ? "" : key, urls.absolute("/"));
            } catch (Akismet.AkismetException e) {
                response.setStatus(400);
                return page(model, settings.current().asText(),
                        List.of("The other settings were saved, but not the Akismet key: " + e.getMessage()), null);
            }
        }
        return "redirect:/newsroom/comments/settings?saved";
    }

    private String page(Model model, Map<String, String> values, List<String> problems, String notice) {
        model.addAttribute("page", new SettingsPage(values, akismet.enabled(), akismet.keyFromProperty(), problems, notice));
        return "comment/settings";
    }

    /** The form's fields as sent: numbers and lists as typed, switches "true" when ticked. */
    private static Map<String, String> sent(Map<String, String> form) {
        Map<String, String> values = new HashMap<>();
        NUMBERS.keySet().forEach(name -> values.put(name, form.getOrDefault(name, "")));
        SWITCHES.forEach(name -> values.put(name, String.valueOf(form.containsKey(name))));
        LISTS.forEach(name -> values.put(name, form.getOrDefault(name, "").replace("\r\n", "\n")));
        return values;
    }

    /**
     * Names every entry of a one-a-line list that {@code valid} refuses, by its line, with {@code reason}. At most
     * {@value #ENTRIES_NAMED} are named, and how many more there are.
     */
    private static void refuseEntries(String label, String text, Predicate<String> valid, String reason, List<String> problems) {
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int refused = 0;
        for (int i = 0; i < lines.length; i++) {
            String entry = lines[i].strip();
            if (!entry.isEmpty() && !valid.test(entry) && ++refused <= ENTRIES_NAMED) {
                problems.add(label + ", line " + (i + 1) + ": \u201c" + (entry.length() > 100 ? entry.substring(0, 100) + "\u2026" : entry)
                        + "\u201d " + reason);
            }
        }
        if (refused > ENTRIES_NAMED) {
            problems.add(label + ": " + (refused - ENTRIES_NAMED) + " more lines like these.");
        }
    }

    /** A plain address: no display name, no list, nothing a mail header would read as more than one mailbox. */
    static boolean isMailAddress(String text) {
        return AccountService.isEmailAddress(text) && !NOT_IN_ADDRESS.matcher(text).find();
    }

    /**
     * An entry {@code DisallowedCheck} can match a comment's email address with: the whole address (which the comment
     * form would take), or "@" and a domain that ends such an address. Letter case does not matter there.
     */
    static boolean isDisallowedEmail(String entry) {
        return CommentForm.isEmailAddress(entry.startsWith("@") ? "x" + entry : entry);
    }

    private static String label(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
