package org.treatyregistry.api.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in by user name and password, remembering which password last proved right for each account so that an API
 * client signing every request (HTTP Basic) pays for bcrypt once, not on every request: bcrypt costs ~54 ms of CPU,
 * which capped signed-in API traffic at ~37 requests/s on two cores (docs/reliability.md).
 * <p>
 * The account is still read from the database on every request, so a disabled account or changed roles take effect
 * at once, on every instance. What is remembered is a keyed hash (HMAC with a key made at start-up, never stored) of
 * the password that matched, together with the stored bcrypt hash it matched: when the password changes, the stored
 * hash changes and the memory no longer applies. A wrong password is always checked by bcrypt.
 */
class VerifiedPasswords extends DaoAuthenticationProvider {

    private record Verified(String storedHash, byte[] presented) {
    }

    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedPasswords(UserDetailsService accounts, PasswordEncoder passwords) {
        super(accounts);
        setPasswordEncoder(passwords);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        if (authentication.getCredentials() == null || user.getPassword() == null) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        byte[] presented = digest(user.getUsername(), authentication.getCredentials().toString());
        Verified known = verified.get(user.getUsername());
        if (known != null && known.storedHash().equals(user.getPassword()) && MessageDigest.isEqual(known.presented(), presented)) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication);
        verified.put(user.getUsername(), new Verified(user.getPassword(), presented));
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
