package org.broadsheet.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Runs a MockMvc test as a signed-in member of staff: the principal is a {@link StaffUser}, as after a real
 * sign-in, so that newsroom pages get the newsroom's header ({@code NewsroomChromeBuilder}). Unlike
 * {@code @WithMockUser}, which gives a plain Spring Security user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@WithSecurityContext(factory = WithStaffUser.Factory.class)
public @interface WithStaffUser {

    String email() default "editor@meridian.example";

    Role role() default Role.EDITOR;

    final class Factory implements WithSecurityContextFactory<WithStaffUser> {
        @Override
        public SecurityContext createSecurityContext(WithStaffUser staff) {
            StaffUser user = new StaffUser(0, staff.email(), "Test " + staff.role().label(), staff.role(), null, true, null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return context;
        }
    }
}
