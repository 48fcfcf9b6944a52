package id.lumbung.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.smallrye.jwt.build.Jwt;

/**
 * Prints a development token signed with the committed dev key: what {@code scripts/dev-token.sh}
 * runs. Usage: {@code ROLE [--district ID]... [--led ID]... [--sub NAME] [--ttl SECONDS]}.
 */
public final class DevTokenCli {

    public static final String ISSUER = "lumbung-dev";

    private DevTokenCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Role.ALL.contains(args[0])) {
            usage();
            return;
        }
        String role = args[0];
        List<String> districts = new ArrayList<>();
        List<String> leds = new ArrayList<>();
        String subject = "dev-" + role;
        long ttl = Duration.ofHours(12).toSeconds();
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--district" -> districts.add(require(value, "--district"));
                case "--led" -> leds.add(require(value, "--led"));
                case "--sub" -> subject = require(value, "--sub");
                case "--ttl" -> ttl = Long.parseLong(require(value, "--ttl"));
                default -> {
                    usage();
                    return;
                }
            }
            i++;
        }
        Path repo = Path.of(System.getProperty("lumbung.repo", "."));
        System.out.println(sign(readPrivateKey(repo.resolve("config/dev/jwt-private.pem")), role, subject,
                districts, leds, ttl));
    }

    /** Signs a token the way the service expects it; also used by the tests. */
    public static String sign(PrivateKey key, String role, String subject, List<String> districts, List<String> leds,
            long ttlSeconds) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(role)
                .claim("districts", districts)
                .claim("leds", leds)
                .expiresIn(ttlSeconds)
                .sign(key);
    }

    public static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String require(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: dev-token.sh ROLE [--district ID]... [--led ID]... [--sub NAME] [--ttl SECONDS]");
        System.err.println("roles: " + String.join(", ", Role.ALL.stream().sorted().toList()));
        System.exit(2);
    }
}
