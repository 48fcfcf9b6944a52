package id.lumbung.loan.group;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.support.Api.as;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lumbung.support.Tokens;
import io.restassured.response.Response;

/** Fixtures for group-loan tests: a KUB group with its members and group loans, all through the API. */
final class Kub {

    private static final AtomicInteger SERIAL = new AtomicInteger(5000);

    /** A group in one LED: its id and its members by name, in the order given. */
    record Group(UUID led, UUID id, Map<String, UUID> members) {

        UUID member(String name) {
            return members.get(name);
        }

        String path() {
            return base(led) + "/groups/" + id;
        }
    }

    private Kub() {
    }

    /** A group named {@code name} whose members are {@code names}, the first its leader. */
    static Group group(UUID led, String name, String... names) {
        Map<String, UUID> members = new LinkedHashMap<>();
        UUID leader = member(led, names[0], null);
        UUID group = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("name", name, "leaderMemberId", leader))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id"));
        members.put(names[0], leader);
        for (int i = 1; i < names.length; i++) {
            members.put(names[i], member(led, names[i], group));
        }
        return new Group(led, group, members);
    }

    static UUID member(UUID led, String name, UUID group) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nik", String.format("140601450790%04d", SERIAL.getAndIncrement() % 9999 + 1));
        body.put("gender", "F");
        body.put("birthDate", "1990-07-05");
        if (group != null) {
            body.put("groupId", group);
        }
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post(base(led) + "/members")
                .then().statusCode(201).extract().path("id"));
    }

    /** A body of shares: member name, principal, member name, principal … */
    static Map<String, Object> request(Group group, UUID product, Object... namesAndPrincipals) {
        List<Map<String, Object>> shares = new ArrayList<>();
        for (int i = 0; i < namesAndPrincipals.length; i += 2) {
            Object who = namesAndPrincipals[i];
            shares.add(Map.of("memberId", who instanceof UUID id ? id : group.member((String) who),
                    "principal", namesAndPrincipals[i + 1]));
        }
        return new HashMap<>(Map.of("productId", product, "shares", shares,
                "purpose", "Modal usaha anyaman pandan KUB Mawar"));
    }

    static Response apply(String token, Group group, Map<String, Object> body) {
        return as(token).body(body).post(group.path() + "/loans");
    }

    /** Applied by the clerk, approved by the manager, disbursed on {@code on}: the group loan's id. */
    static UUID disbursed(Group group, UUID product, String on, Object... namesAndPrincipals) {
        UUID loan = UUID.fromString(apply(Tokens.clerk(group.led()), group, request(group, product,
                namesAndPrincipals)).then().statusCode(201).extract().path("id"));
        as(Tokens.manager(group.led())).body(Map.of()).post(group.path() + "/loans/" + loan + "/approval").then()
                .statusCode(200);
        as(Tokens.manager(group.led())).body(Map.of("disbursedOn", on)).post(group.path() + "/loans/" + loan
                + "/disbursement").then().statusCode(201);
        return loan;
    }

    static Response repay(Group group, UUID loan, Map<String, Object> body) {
        return as(Tokens.clerk(group.led())).body(body).post(group.path() + "/loans/" + loan + "/repayments");
    }

    static Response groupLoan(Group group, UUID loan) {
        return as(Tokens.auditor(group.led())).get(group.path() + "/loans/" + loan);
    }

    /** Each share's loan id by member name. */
    static Map<String, UUID> shares(Group group, UUID loan) {
        List<Map<String, String>> shares = groupLoan(group, loan).then().statusCode(200).extract().path("shares");
        Map<String, UUID> byName = new HashMap<>();
        group.members().forEach((name, member) -> shares.stream()
                .filter(share -> share.get("memberId").equals(member.toString())).findFirst()
                .ifPresent(share -> byName.put(name, UUID.fromString(share.get("loanId")))));
        return byName;
    }

    /** Each part's amount of a group payment answer, by member name. */
    static Map<String, String> parts(Group group, Response payment) {
        List<Map<String, Object>> parts = payment.then().extract().path("parts");
        Map<String, String> byName = new HashMap<>();
        group.members().forEach((name, member) -> parts.stream()
                .filter(part -> part.get("memberId").equals(member.toString())).findFirst()
                .ifPresent(part -> byName.put(name, (String) part.get("amount"))));
        return byName;
    }

    static BigDecimal outstanding(UUID led, UUID loan) {
        return new BigDecimal(as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan).then().statusCode(200)
                .extract().<String>path("outstandingPrincipal"));
    }
}
