package id.lumbung.support;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;

import id.lumbung.platform.security.DevTokenCli;
import id.lumbung.platform.security.Role;

/** Bearer tokens for tests, signed like {@code scripts/dev-token.sh} signs them. */
public final class Tokens {

    private static final PrivateKey DEV_KEY = load();

    private Tokens() {
    }

    public static String of(String role, String subject, List<UUID> districts, List<UUID> leds) {
        return DevTokenCli.sign(DEV_KEY, role, subject, strings(districts), strings(leds), 3600);
    }

    public static String admin() {
        return of(Role.ADMIN, "admin.platform", List.of(), List.of());
    }

    public static String manager(UUID ledId) {
        return of(Role.LED_MANAGER, "manager.siti", List.of(), List.of(ledId));
    }

    public static String clerk(UUID ledId) {
        return of(Role.LED_CLERK, "clerk.budi", List.of(), List.of(ledId));
    }

    public static String auditor(UUID ledId) {
        return of(Role.AUDITOR, "auditor.rina", List.of(), List.of(ledId));
    }

    public static String trainer(UUID ledId) {
        return of(Role.TRAINER, "trainer.yusuf", List.of(), List.of(ledId));
    }

    public static String districtOfficer(UUID districtId) {
        return of(Role.DISTRICT_OFFICER, "officer.kampar", List.of(districtId), List.of());
    }

    /** A token that expired an hour ago. */
    public static String expired(UUID ledId) {
        return DevTokenCli.sign(DEV_KEY, Role.LED_MANAGER, "manager.siti", List.of(), strings(List.of(ledId)), -3600);
    }

    /** A well-formed token signed with a key the service does not trust. */
    public static String forged(UUID ledId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return DevTokenCli.sign(generator.generateKeyPair().getPrivate(), Role.LED_MANAGER, "mallory", List.of(),
                    strings(List.of(ledId)), 3600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static PrivateKey load() {
        try {
            return DevTokenCli.readPrivateKey(Path.of("config/dev/jwt-private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "tests run from the repository root and read config/dev/jwt-private.pem", e);
        }
    }
}
