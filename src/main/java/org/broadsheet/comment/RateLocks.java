package org.broadsheet.comment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Makes counting a sender's recent comments and storing the new one a single step for each network address and
 * each email address, so that a burst of parallel posts cannot all pass the hourly limit before any of them is
 * stored. Addresses share 64 locks by hash (two senders may wait for each other for the few milliseconds of an
 * insert; no sender ever gets past the limit). The locks hold on one node: a burst spread over several nodes by a
 * load balancer can pass the limit by a comment or two per node, which the rate limit, a brake on floods rather
 * than an exact quota, tolerates.
 */
@Component
class RateLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    RateLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the locks of both addresses (taken in one order, so two posts never deadlock). */
    <T> T holding(String ip, String email, Supplier<T> work) {
        int a = stripe(ip);
        int b = stripe(email);
        ReentrantLock first = stripes[Math.min(a, b)];
        ReentrantLock second = stripes[Math.max(a, b)];
        first.lock();
        try {
            second.lock();
            try {
                return work.get();
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    private int stripe(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), stripes.length);
    }
}
