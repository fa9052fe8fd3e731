package org.broadsheet.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method whose address most requests are for (the article page): Spring MVC tries its mapping
 * before the others ({@link FrequentAddressesFirst}). Only for addresses no other mapping also matches — the
 * mapping is taken as soon as it matches, without comparing it with the rest.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FrequentAddress {
}
