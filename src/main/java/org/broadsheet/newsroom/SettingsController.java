package org.broadsheet.newsroom;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.site.PrivacyContact;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BadRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators set the site's title, tagline, language, time zone, articles per page and the privacy contact
 * that the privacy page names. A refused value brings the form back as sent, with the reason.
 */
@Controller
class SettingsController {

    private final SiteSettings settings;
    private final StaffPolicy policy;

    SettingsController(SiteSettings settings, StaffPolicy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    @GetMapping("/newsroom/settings/")
    String show(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String notice,
                @RequestParam(defaultValue = "") String error, Model model) {
        policy.require(user, StaffAction.MANAGE_SETTINGS);
        SiteSettings.Settings s = settings.current();
        model.addAttribute("page", page(s.title(), s.tagline(), s.language(), s.timeZone().getId(),
                String.valueOf(s.articlesPerPage()), s.privacyContact().text(), notice, error));
        return "newsroom/settings";
    }

    @PostMapping("/newsroom/settings/")
    String save(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String tagline, @RequestParam(defaultValue = "") String language,
                @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String perPage,
                @RequestParam(defaultValue = "") String privacyContact, HttpServletResponse response, Model model,
                RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SETTINGS);
        try {
            if (title.isBlank() || title.length() > 200) {
                throw new BadRequestException("The site needs a title of at most 200 characters.");
            }
            if (tagline.strip().length() > 500) {
                throw new BadRequestException("The tagline is too long (500 characters at most).");
            }
            // Articles take the site's language as theirs, in a column of 10 characters.
            if (!language.strip().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?") || language.strip().length() > 10) {
                throw new BadRequestException("The language is a code such as en, ru or ja.");
            }
            try {
                ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                throw new BadRequestException("\u201c" + timeZone + "\u201d is not a time zone; choose one such as Europe/London.");
            }
            int n;
            try {
                n = Integer.parseInt(perPage.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 100) {
                throw new BadRequestException("Articles per page is a number from 1 to 100.");
            }
            PrivacyContact contact = PrivacyContact.parse(privacyContact);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(SiteSettings.TITLE, title.strip());
            values.put(SiteSettings.TAGLINE, tagline.strip());
            values.put(SiteSettings.LANGUAGE, language.strip());
            values.put(SiteSettings.TIME_ZONE, timeZone.strip());
            values.put(SiteSettings.PER_PAGE, String.valueOf(n));
            values.put(SiteSettings.PRIVACY_CONTACT, contact.text());
            settings.putAll(values);
        } catch (BadRequestException | DataIntegrityViolationException e) {
            // The form comes back as it was sent, so that one wrong value does not cost the typing of the others.
            response.setStatus(422);
            String reason = e instanceof BadRequestException ? e.getMessage()
                    : TaxonomyController.refusal((DataIntegrityViolationException) e);
            model.addAttribute("page", page(title, tagline, language, timeZone, perPage, privacyContact, "", reason));
            return "newsroom/settings";
        }
        redirect.addAttribute("notice", "Settings saved.");
        return "redirect:/newsroom/settings/";
    }

    private static PeoplePages.Settings page(String title, String tagline, String language, String timeZone,
                                             String perPage, String privacyContact, String notice, String error) {
        List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList();
        return new PeoplePages.Settings(title, tagline, language, timeZone, perPage, privacyContact, zones, notice, error);
    }
}
