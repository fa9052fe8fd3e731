package org.broadsheet.account;

import java.util.Arrays;
import java.util.List;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Administrators invite staff, change roles and disable accounts. */
@Controller
class UsersController {

    private final AccountService accounts;
    private final StaffPolicy policy;
    private final BroadsheetProperties properties;
    private final org.broadsheet.author.AuthorService authors;

    UsersController(AccountService accounts, StaffPolicy policy, BroadsheetProperties properties,
                    org.broadsheet.author.AuthorService authors) {
        this.accounts = accounts;
        this.policy = policy;
        this.properties = properties;
        this.authors = authors;
    }

    @GetMapping("/newsroom/users/")
    String list(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String notice,
                @RequestParam(required = false) String error, Model model) {
        policy.require(user, StaffAction.MANAGE_USERS);
        List<UsersPage.Row> rows = accounts.all().stream()
                .map(u -> new UsersPage.Row(u.id(), u.email(), u.displayName(), u.role(), u.isEnabled(), u.getPassword() == null,
                        u.authorId() == null ? "" : u.authorId().toString()))
                .toList();
        List<UsersPage.AuthorChoice> choices = authors.all().stream()
                .map(a -> new UsersPage.AuthorChoice(String.valueOf(a.id()), a.name())).toList();
        model.addAttribute("page", new UsersPage(rows, Arrays.asList(Role.values()), choices, user.id(),
                notice == null ? "" : notice, error == null ? "" : error));
        return "account/users";
    }

    @PostMapping("/newsroom/users/invite")
    String invite(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_USERS);
        try {
            String base = properties.baseUrl().isEmpty()
                    ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : properties.baseUrl();
            accounts.invite(email, Role.parse(role), user, base);
            redirect.addAttribute("notice", "Invitation sent to " + email.trim() + ".");
        } catch (BadRequestException e) {
            redirect.addAttribute("error", e.getMessage());
        }
        return "redirect:/newsroom/users/";
    }

    @PostMapping("/newsroom/users/{id}")
    String change(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String role, @RequestParam(required = false) String enabled,
                  @RequestParam(defaultValue = "") String authorId, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_USERS);
        accounts.find(id).orElseThrow(() -> new org.broadsheet.support.NotFoundException("No such account."));
        try {
            // Every check before the first change, so that a refused form changes nothing.
            Long author = authorId.isBlank() ? null : authorId.trim().matches("\\d{1,18}") ? Long.valueOf(authorId.trim()) : null;
            if (author != null && authors.byIds(List.of(author)).isEmpty()) {
                throw new BadRequestException("There is no such author profile.");
            }
            Role newRole = Role.parse(role);
            if (newRole != null) {
                accounts.changeRole(id, newRole, user);
            }
            accounts.setEnabled(id, enabled != null, user);
            accounts.linkAuthor(id, author);
            redirect.addAttribute("notice", "Saved.");
        } catch (BadRequestException e) {
            redirect.addAttribute("error", e.getMessage());
        }
        return "redirect:/newsroom/users/";
    }
}
