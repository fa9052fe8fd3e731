package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountService;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.spam.Akismet;
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
        return page(model, List.of(), saved != null ? "Settings saved." : null);
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
        for (String line : form.getOrDefault("moderator_emails", "").split("\\R")) {
            // Mail is sent to these later, from a background job: an address that cannot be parsed would only
            // show up there, as a message retried for ever, so it is refused here, where it was typed.
            String address = line.strip();
            if (!address.isEmpty() && !isMailAddress(address)) {
                problems.add("Moderator emails: \u201c" + (address.length() > 100 ? address.substring(0, 100) + "\u2026" : address)
                        + "\u201d is not an email address. Give one address a line, such as moderator@example.org.");
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return page(model, problems, null);
        }
        settings.save(values);
        String key = form.get("akismet_key");
        if (key != null && !key.isBlank() || form.containsKey("akismet_off")) {
            try {
                akismet.saveKey(form.containsKey("akismet_off") ? "" : key, urls.absolute("/"));
            } catch (Akismet.AkismetException e) {
                response.setStatus(400);
                return page(model, List.of("The other settings were saved, but not the Akismet key: " + e.getMessage()), null);
            }
        }
        return "redirect:/newsroom/comments/settings?saved";
    }

    private String page(Model model, List<String> problems, String notice) {
        model.addAttribute("page", new SettingsPage(settings.current(), akismet.enabled(), akismet.keyFromProperty(),
                problems, notice));
        return "comment/settings";
    }

    /** A plain address: no display name, no list, nothing a mail header would read as more than one mailbox. */
    static boolean isMailAddress(String text) {
        return AccountService.isEmailAddress(text) && !NOT_IN_ADDRESS.matcher(text).find();
    }

    private static String label(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
