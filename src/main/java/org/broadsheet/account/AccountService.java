package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.broadsheet.support.BadRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: the first administrator, invitations, password resets, roles. Links sent by email or
 * printed to the console carry a random token; only its hash is stored, and each works once.
 */
@Service
public class AccountService {

    public static final Duration SET_UP_VALIDITY = Duration.ofHours(24);
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final int MIN_PASSWORD = 10;

    static final String SETUP = "SETUP";
    static final String RESET = "RESET";
    static final String INVITE = "INVITE";

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final StaffMail mail;
    private final StaffSessions sessions;
    private final Clock clock;

    AccountService(AccountRepository repository, PasswordEncoder passwords, StaffMail mail, StaffSessions sessions,
                   Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.mail = mail;
        this.sessions = sessions;
        this.clock = clock;
    }

    public boolean hasUsers() {
        return repository.countUsers() > 0;
    }

    /**
     * True when an administrator can sign in. Accounts alone do not say so: a WordPress import brings the old
     * site's staff as disabled accounts without passwords, waiting to be invited, and a site holding only those
     * must still offer its owner the set-up link.
     */
    public boolean hasActiveAdministrator() {
        return repository.countActiveAdministrators() > 0;
    }

    public Optional<StaffUser> find(long id) {
        return repository.byId(id).map(AccountService::toUser);
    }

    public Optional<StaffUser> byEmail(String email) {
        return repository.byEmail(normalise(email)).map(AccountService::toUser);
    }

    public List<StaffUser> all() {
        return repository.all().stream().map(AccountService::toUser).toList();
    }

    /** Addresses of the enabled editors and administrators, who hear when an article is submitted. */
    public List<String> editorEmails() {
        return repository.withRoles(List.of(Role.EDITOR.name(), Role.ADMINISTRATOR.name())).stream()
                .map(AccountRepository.UserRow::email).toList();
    }

    /** Addresses of the enabled staff accounts that write as any of these author profiles. */
    public List<String> emailsOfAuthors(List<Long> authorIds) {
        if (authorIds.isEmpty()) {
            return List.of();
        }
        return repository.writingAs(authorIds).stream().map(AccountRepository.UserRow::email).toList();
    }

    /** Creates an account that can sign in at once (first administrator, tests, the CLI). */
    @Transactional
    public StaffUser create(String email, String displayName, String password, Role role) {
        String address = checkEmail(email);
        checkPassword(password);
        try {
            long id = repository.insert(address, displayName == null || displayName.isBlank() ? address : displayName.trim(),
                    passwords.encode(password), role, null, now());
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("There is already an account for " + address + ".");
        }
    }

    /** A new one-time set-up link token (earlier unused ones stop working); only while there are no users. */
    @Transactional
    public String startSetUp() {
        repository.expireUnused(SETUP, now());
        String token = AccountTokens.newToken();
        repository.insertToken(SETUP, AccountTokens.hash(token), null, null, null, now().plus(SET_UP_VALIDITY), now());
        return token;
    }

    /** Creates the first administrator from the set-up link. */
    @Transactional
    public StaffUser completeSetUp(String token, String email, String displayName, String password) {
        AccountRepository.TokenRow row = usable(SETUP, token);
        if (hasActiveAdministrator()) {
            throw new BadRequestException("The newsroom is already set up: sign in instead.");
        }
        StaffUser admin = createFirstAdministrator(email, displayName, password);
        consume(row);
        return admin;
    }

    /**
     * The administrator of a site no administrator can sign in to yet (set-up link, or BROADSHEET_ADMIN_*).
     * An address that belongs to an account still waiting for its invitation (imported from WordPress: the
     * owner's own address, usually) becomes that account, with its author profile; an account that can already
     * sign in is not taken over.
     *
     * @param displayName the name to show; blank keeps a waiting account's own (a new one is "Administrator")
     */
    @Transactional
    public StaffUser createFirstAdministrator(String email, String displayName, String password) {
        String address = checkEmail(email);
        Optional<AccountRepository.UserRow> waiting = repository.byEmail(address);
        if (waiting.isEmpty()) {
            return create(address, displayName == null || displayName.isBlank() ? "Administrator" : displayName,
                    password, Role.ADMINISTRATOR);
        }
        AccountRepository.UserRow row = waiting.get();
        if (row.enabled() && row.passwordHash() != null) {
            throw new BadRequestException("There is already an account for " + address
                    + " that can sign in: sign in with it, or choose another address.");
        }
        checkPassword(password);
        repository.setPassword(row.id(), passwords.encode(password));
        if (displayName != null && !displayName.isBlank()) {
            repository.rename(row.id(), displayName.trim());
        }
        repository.setRole(row.id(), Role.ADMINISTRATOR);
        repository.setEnabled(row.id(), true);
        return find(row.id()).orElseThrow();
    }

    /** True when the link is one that can still be used. */
    public boolean tokenUsable(String purpose, String token) {
        try {
            usable(purpose, token);
            return true;
        } catch (BadRequestException e) {
            return false;
        }
    }

    /**
     * Emails a reset link when the address belongs to an account. Says nothing either way, so that the
     * form cannot be used to find out who works here.
     */
    @Transactional
    public void requestPasswordReset(String email, String baseUrl) {
        Optional<AccountRepository.UserRow> user = repository.byEmail(normalise(email)).filter(AccountRepository.UserRow::enabled);
        if (user.isEmpty()) {
            return;
        }
        String token = AccountTokens.newToken();
        repository.insertToken(RESET, AccountTokens.hash(token), user.get().id(), user.get().email(), null,
                now().plus(RESET_VALIDITY), now());
        mail.send(List.of(user.get().email()), "Reset your newsroom password",
                "Someone (hopefully you) asked to reset the password of your newsroom account.\n\n"
                        + "Choose a new password here within the next hour:\n" + baseUrl + "/newsroom/reset-password?token=" + token
                        + "\n\nIf it was not you, ignore this message; your password stays as it is.\n");
    }

    @Transactional
    public StaffUser resetPassword(String token, String password) {
        AccountRepository.TokenRow row = usable(RESET, token);
        checkPassword(password);
        repository.setPassword(row.userId(), passwords.encode(password));
        consume(row);
        StaffUser user = find(row.userId()).orElseThrow();
        // Whoever may have known the old password is signed out too.
        sessions.end(user.email());
        return user;
    }

    /** Creates the account (without a password) and emails an invitation link to choose one. */
    @Transactional
    public String invite(String email, Role role, StaffUser inviter, String baseUrl) {
        String address = checkEmail(email);
        if (role == null) {
            throw new BadRequestException("Choose a role for the new account.");
        }
        if (repository.byEmail(address).isPresent()) {
            throw new BadRequestException("There is already an account for " + address + ".");
        }
        long id = repository.insert(address, address, null, role, null, now());
        String token = AccountTokens.newToken();
        repository.insertToken(INVITE, AccountTokens.hash(token), id, address, role, now().plus(INVITATION_VALIDITY), now());
        mail.send(List.of(address), "You are invited to the newsroom",
                inviter.displayName() + " invites you to the newsroom as " + role.label() + ".\n\n"
                        + "Choose your name and password here within seven days:\n" + baseUrl + "/newsroom/invitation?token=" + token + "\n");
        return token;
    }

    @Transactional
    public StaffUser acceptInvitation(String token, String displayName, String password) {
        AccountRepository.TokenRow row = usable(INVITE, token);
        checkPassword(password);
        if (displayName == null || displayName.isBlank()) {
            throw new BadRequestException("Please give your name as it should appear in the newsroom.");
        }
        repository.setPassword(row.userId(), passwords.encode(password));
        repository.rename(row.userId(), displayName.trim());
        consume(row);
        return find(row.userId()).orElseThrow();
    }

    @Transactional
    public void changeRole(long userId, Role role, StaffUser by) {
        if (by.id() == userId && role != Role.ADMINISTRATOR) {
            throw new BadRequestException("You cannot take away your own administrator role; ask another administrator.");
        }
        boolean changed = find(userId).map(u -> u.role() != role).orElse(false);
        repository.setRole(userId, role);
        if (changed) {
            signOutEverywhere(userId);
        }
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled, StaffUser by) {
        if (by.id() == userId && !enabled) {
            throw new BadRequestException("You cannot disable your own account.");
        }
        boolean changed = find(userId).map(u -> u.isEnabled() != enabled).orElse(false);
        repository.setEnabled(userId, enabled);
        if (changed) {
            signOutEverywhere(userId);
        }
    }

    @Transactional
    public void linkAuthor(long userId, Long authorId) {
        boolean changed = find(userId).map(u -> !Objects.equals(u.authorId(), authorId)).orElse(false);
        repository.setAuthor(userId, authorId);
        if (changed) {
            signOutEverywhere(userId);
        }
    }

    /** The change applies at once: the person signs in again, on any node, with their account as it now is. */
    private void signOutEverywhere(long userId) {
        find(userId).ifPresent(user -> sessions.end(user.email()));
    }

    private AccountRepository.TokenRow usable(String purpose, String token) {
        return repository.token(purpose, AccountTokens.hash(token))
                .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(now()))
                .orElseThrow(() -> new BadRequestException(
                        "This link has expired or has already been used. Ask for a new one."));
    }

    private void consume(AccountRepository.TokenRow row) {
        if (!repository.useToken(row.id(), now())) {
            throw new BadRequestException("This link has already been used.");
        }
    }

    /** Whether the text has the shape of an email address and fits the columns that keep one. */
    public static boolean isEmailAddress(String text) {
        return text != null && text.length() <= 320 && text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    static String checkEmail(String email) {
        String address = normalise(email);
        if (!isEmailAddress(address)) {
            throw new BadRequestException("Please give a valid email address.");
        }
        return address;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new BadRequestException("Choose a password of at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > 200) {
            throw new BadRequestException("That password is too long (200 characters at most).");
        }
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static StaffUser toUser(AccountRepository.UserRow r) {
        return new StaffUser(r.id(), r.email(), r.displayName(), Role.valueOf(r.role()), r.authorId(), r.enabled(),
                r.passwordHash());
    }
}
