package org.broadsheet.account;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Signing in, the first-start set-up, forgotten passwords and accepting an invitation. */
@Controller
class SignInController {

    private final AccountService accounts;
    private final BroadsheetProperties properties;
    private final ResourceUrlProvider resources;

    SignInController(AccountService accounts, BroadsheetProperties properties, ResourceUrlProvider resources) {
        this.accounts = accounts;
        this.properties = properties;
        this.resources = resources;
    }

    @GetMapping(SecurityConfig.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
                  @RequestParam(name = "signed-out", required = false) String signedOut,
                  @RequestParam(required = false) String expired, @RequestParam(required = false) String ready,
                  CsrfToken csrf, Model model) {
        String notice = signedOut != null ? "You have signed out."
                : expired != null ? "Your session had expired. Sign in again; the text you were writing is kept in this browser."
                : ready != null ? "Your account is ready. Sign in with your email address and password." : "";
        String problem = wait != null
                ? "Too many failed attempts. Wait " + describe(wait) + " and try again."
                : error != null ? ThrottledAuthentication.GENERIC_FAILURE : "";
        return page(model, "sign-in", "Sign in", csrf, notice, problem, "");
    }

    @GetMapping("/newsroom/set-up")
    String setUp(@RequestParam(defaultValue = "") String token, CsrfToken csrf, Model model) {
        if (!accounts.tokenUsable(AccountService.SETUP, token)) {
            return page(model, "message", "Set-up link expired", csrf, "",
                    "This set-up link has expired or has been used. Restart the application to print a new one.", "");
        }
        if (accounts.hasActiveAdministrator()) {
            return page(model, "message", "Already set up", csrf, "The newsroom is already set up. Sign in instead.", "", "");
        }
        return page(model, "set-up", "Set up the newsroom", csrf, "", "", token);
    }

    @PostMapping("/newsroom/set-up")
    String completeSetUp(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String email,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
                         CsrfToken csrf, Model model, HttpServletResponse response) {
        try {
            accounts.completeSetUp(token, email, name, password);
            return "redirect:" + SecurityConfig.SIGN_IN + "?ready=1";
        } catch (BadRequestException e) {
            response.setStatus(400);
            return page(model, "set-up", "Set up the newsroom", csrf, "", e.getMessage(), token);
        }
    }

    @GetMapping("/newsroom/forgot-password")
    String forgot(CsrfToken csrf, Model model) {
        return page(model, "forgot", "Forgotten password", csrf, "", "", "");
    }

    @PostMapping("/newsroom/forgot-password")
    String requestReset(@RequestParam(defaultValue = "") String email, CsrfToken csrf, Model model) {
        accounts.requestPasswordReset(email, baseUrl());
        return page(model, "message", "Check your email", csrf,
                "If an account uses that address, we have sent it a link to choose a new password. The link works for an hour.", "", "");
    }

    @GetMapping("/newsroom/reset-password")
    String reset(@RequestParam(defaultValue = "") String token, CsrfToken csrf, Model model) {
        if (!accounts.tokenUsable(AccountService.RESET, token)) {
            return page(model, "message", "Link expired", csrf, "",
                    "This password link has expired or has been used. Ask for a new one from the sign-in page.", "");
        }
        return page(model, "reset", "Choose a new password", csrf, "", "", token);
    }

    @PostMapping("/newsroom/reset-password")
    String completeReset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                         CsrfToken csrf, Model model, HttpServletResponse response) {
        try {
            accounts.resetPassword(token, password);
            return "redirect:" + SecurityConfig.SIGN_IN + "?ready=1";
        } catch (BadRequestException e) {
            response.setStatus(400);
            return page(model, "reset", "Choose a new password", csrf, "", e.getMessage(), token);
        }
    }

    @GetMapping("/newsroom/invitation")
    String invitation(@RequestParam(defaultValue = "") String token, CsrfToken csrf, Model model) {
        if (!accounts.tokenUsable(AccountService.INVITE, token)) {
            return page(model, "message", "Invitation expired", csrf, "",
                    "This invitation has expired or has been used. Ask the administrator for a new one.", "");
        }
        return page(model, "invitation", "Join the newsroom", csrf, "", "", token);
    }

    @PostMapping("/newsroom/invitation")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String password, CsrfToken csrf, Model model,
                  HttpServletResponse response) {
        try {
            accounts.acceptInvitation(token, name, password);
            return "redirect:" + SecurityConfig.SIGN_IN + "?ready=1";
        } catch (BadRequestException e) {
            response.setStatus(400);
            return page(model, "invitation", "Join the newsroom", csrf, "", e.getMessage(), token);
        }
    }

    /** Where a form posted without a valid CSRF token lands (see SecurityConfig). */
    @RequestMapping("/newsroom/form-expired")
    String formExpired(CsrfToken csrf, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return page(model, "message", "This form has expired", csrf, "",
                "The form was sent without its security token, or the session that issued it has expired, so nothing was changed. "
                        + "Go back, reload the page (sign in again if asked) and send it once more. "
                        + "In the article editor your text is kept in this browser and offered back.", "");
    }

    private String page(Model model, String form, String title, CsrfToken csrf, String notice, String error, String token) {
        String css = resources.getForLookupPath("/assets/site.css");
        model.addAttribute("page", new AccountPage(form, title, css == null ? "/assets/site.css" : css,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
                notice, error, token, ""));
        return "account/form";
    }

    private String baseUrl() {
        return properties.baseUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : properties.baseUrl();
    }

    static String describe(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
