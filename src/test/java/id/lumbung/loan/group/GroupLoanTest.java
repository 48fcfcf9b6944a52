package id.lumbung.loan.group;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * KUB group loans (tanggung renteng) through the API: applied, approved and disbursed together in
 * one entry; the group's payments spread over the shares (by amount due, by outstanding, or for
 * one member) in one entry each; reversal restoring every share; the group view's arrears flags.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GroupLoanTest {

    private static final String[] MAWAR = {"Siti Aminah", "Dewi Lestari", "Rina Wati"};

    @Test
    void sharesAreAppliedApprovedAndDisbursedTogetherInOneEntry() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);

        Response applied = Kub.apply(Tokens.clerk(led), group, Kub.request(group, product, "Siti Aminah", "3000000",
                "Dewi Lestari", "2000000", "Rina Wati", "1000000"));
        applied.then().statusCode(201)
                .header("Location", endsWith(group.path() + "/loans/" + applied.path("id")))
                .body("status", equalTo("APPLIED"))
                .body("principal", equalTo("6000000.00"))
                .body("appliedBy", equalTo("clerk.budi"))
                .body("shares", hasSize(3))
                .body("shares.status", everyItem(equalTo("APPLIED")))
                .body("shares.memberName", containsInAnyOrder(MAWAR));
        UUID loan = UUID.fromString(applied.path("id"));
        Map<String, UUID> shares = Kub.shares(group, loan);
        Lending.loan(led, shares.get("Siti Aminah")).then().statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("groupId", equalTo(group.id().toString()))
                .body("principal", equalTo("3000000.00"));
        // A share is decided only with its group loan.
        assertProblem(as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + shares.get("Rina Wati")
                + "/approval"), 409, "group-loan-share");

        as(Tokens.manager(led)).body(Map.of("note", "KUB Mawar aktif sejak 2024"))
                .post(group.path() + "/loans/" + loan + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("manager.siti"))
                .body("shares.status", everyItem(equalTo("APPROVED")));
        assertProblem(Lending.disburse(led, shares.get("Dewi Lestari"), day(-100)), 409, "group-loan-share");

        String disbursedOn = day(-100);
        Response disbursed = as(Tokens.manager(led)).body(Map.of("disbursedOn", disbursedOn))
                .post(group.path() + "/loans/" + loan + "/disbursement");
        disbursed.then().statusCode(201)
                .header("Location", endsWith(group.path() + "/loans/" + loan))
                .body("principal", equalTo("6000000.00"))
                .body("adminFee", equalTo("60000.00"))
                .body("paidFrom", equalTo("1-1200"))
                .body("groupLoan.status", equalTo("DISBURSED"))
                .body("groupLoan.outstandingPrincipal", equalTo("6000000.00"))
                .body("groupLoan.disbursedOn", equalTo(disbursedOn));
        String entry = disbursed.path("entryId");
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + entry).then().statusCode(200)
                .body("kind", equalTo("LOAN_DISBURSEMENT"))
                .body("reference.type", equalTo("GROUP_LOAN_DISBURSEMENT"))
                .body("reference.id", equalTo(loan.toString()))
                .body("postings.account", contains("1-1300", "1-1200", "1-1100", "4-1200"))
                .body("postings.side", contains("DEBIT", "CREDIT", "DEBIT", "CREDIT"))
                .body("postings.amount", contains("6000000.00", "6000000.00", "60000.00", "60000.00"));
        assertEquals(1, as(Tokens.auditor(led)).queryParam("kind", "LOAN_DISBURSEMENT")
                .get(base(led) + "/journal-entries").then().extract().<List<?>>path("items").size());
        // Every share reads as a single disbursed loan: its own schedule, and 1-1300 = Σ outstanding.
        Lending.loan(led, shares.get("Dewi Lestari")).then()
                .body("status", equalTo("DISBURSED"))
                .body("disbursedOn", equalTo(disbursedOn))
                .body("outstandingPrincipal", equalTo("2000000.00"));
        Lending.schedule(led, shares.get("Dewi Lestari")).then().statusCode(200)
                .body("installments", hasSize(10))
                .body("installments.principal", everyItem(equalTo("200000.00")))
                .body("installments.interest", everyItem(equalTo("30000.00")));
        assertEquals(new BigDecimal("6000000.00"), Lending.balance(led, "1-1300"));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));
        assertEquals(new BigDecimal("0.00"), Lending.outstandingAsOf(led, LocalDate.parse(disbursedOn).minusDays(1)
                .toString()).setScale(2));
        assertEquals(Lending.balanceAsOf(led, "1-1300", disbursedOn), Lending.outstandingAsOf(led, disbursedOn));

        // Neither the journal nor a share's own disbursement reversal can undo the group's entry.
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "coba"))
                .post(base(led) + "/journal-entries/" + entry + "/reversal"), 409, "entry-owned-by-operation");
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "coba")).post(base(led) + "/loans/"
                + shares.get("Siti Aminah") + "/disbursement/reversal"), 409, "group-loan-share");
        assertProblem(as(Tokens.manager(led)).body(Map.of()).post(group.path() + "/loans/" + loan + "/approval"),
                409, "loan-status");
        as(Tokens.auditor(led)).get(group.path() + "/loans").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(loan.toString()))
                .body("items[0].principal", equalTo("6000000.00"));
    }

    @Test
    void aPaymentIsSpreadByAmountDueWithTheRemainderToTheLargestShare() {
        UUID led = Lending.funded();
        as(Tokens.manager(led)).body(Map.of("rounding", Map.of("step", "500", "mode", "HALF_UP")))
                .put(base(led) + "/settings/lending").then().statusCode(200);
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);
        String disbursedOn = day(-100);
        UUID loan = Kub.disbursed(group, product, disbursedOn, "Siti Aminah", "3000000", "Dewi Lestari", "2000000",
                "Rina Wati", "1000000");
        String firstDue = LocalDate.parse(disbursedOn).plusMonths(1).toString();

        // Due on the first due date: 345,000 / 230,000 / 115,000. 500,300 paid, step 500:
        // Dewi 500,300 × 230/690 = 166,766.67 → 167,000; Rina × 115/690 = 83,383.33 → 83,500;
        // Siti, the largest, the rest: 500,300 − 250,500 = 249,800.
        Response paid = Kub.repay(group, loan, Map.of("amount", "500300", "paidOn", firstDue));
        paid.then().statusCode(201)
                .header("Location", endsWith(group.path() + "/loans/" + loan + "/repayments/" + paid.path("id")))
                .body("sequence", equalTo(1))
                .body("amount", equalTo("500300.00"))
                .body("forMemberId", nullValue())
                .body("parts", hasSize(3))
                .body("groupLoan.outstandingPrincipal", equalTo("5589700.00"));
        assertEquals(Map.of("Siti Aminah", "249800.00", "Dewi Lestari", "167000.00", "Rina Wati", "83500.00"),
                Kub.parts(group, paid));
        // One entry for the whole payment: interest 45,000 + 30,000 + 15,000, the rest principal.
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + paid.path("entryId")).then()
                .body("kind", equalTo("REPAYMENT"))
                .body("reference.type", equalTo("GROUP_LOAN_REPAYMENT"))
                .body("reference.id", equalTo(paid.path("id")))
                .body("postings.account", contains("1-1100", "4-1100", "1-1300"))
                .body("postings.amount", contains("500300.00", "90000.00", "410300.00"));
        // Each share's part is a repayment of its own loan, allocated as a single one.
        Map<String, UUID> shares = Kub.shares(group, loan);
        as(Tokens.auditor(led)).get(base(led) + "/loans/" + shares.get("Siti Aminah") + "/repayments").then()
                .body("items", hasSize(1))
                .body("items[0].amount", equalTo("249800.00"))
                .body("items[0].entryId", equalTo(paid.path("entryId")))
                .body("items[0].allocation.interest", equalTo("45000.00"))
                .body("items[0].allocation.principal", equalTo("204800.00"));
        assertEquals(new BigDecimal("2795200.00"), Kub.outstanding(led, shares.get("Siti Aminah")));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));
        assertEquals(Lending.balanceAsOf(led, "1-1300", firstDue), Lending.outstandingAsOf(led, firstDue));

        as(Tokens.auditor(led)).get(group.path() + "/loans/" + loan + "/repayments").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(paid.path("id")))
                .body("items[0].parts", hasSize(3))
                .body("items[0].reversedBy", nullValue());
        as(Tokens.auditor(led)).get(paid.header("Location")).then().statusCode(200)
                .body("amount", equalTo("500300.00"));
    }

    @Test
    void wholeRupiahSpreadsByDueByOutstandingWhenNothingIsDueAndAnyExcessTheSameWay() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);
        String disbursedOn = day(-100);
        String firstDue = LocalDate.parse(disbursedOn).plusMonths(1).toString();
        Object[] shares = {"Siti Aminah", "3000000", "Dewi Lestari", "2000000", "Rina Wati", "1000000"};

        // By amount due, whole rupiah: 166,666.67 → 166,667, 83,333.33 → 83,333, Siti the rest 250,000.
        UUID due = Kub.disbursed(group, product, disbursedOn, shares);
        assertEquals(Map.of("Siti Aminah", "250000.00", "Dewi Lestari", "166667.00", "Rina Wati", "83333.00"),
                Kub.parts(group, Kub.repay(group, due, Map.of("amount", "500000", "paidOn", firstDue))));

        // Nothing due ten days after disbursement: by outstanding principal 3 : 2 : 1.
        UUID early = Kub.disbursed(group, product, disbursedOn, shares);
        String tenDays = LocalDate.parse(disbursedOn).plusDays(10).toString();
        Response prepaid = Kub.repay(group, early, Map.of("amount", "100000", "paidOn", tenDays));
        assertEquals(Map.of("Siti Aminah", "50000.00", "Dewi Lestari", "33333.00", "Rina Wati", "16667.00"),
                Kub.parts(group, prepaid));
        prepaid.then().body("parts.allocation.interest", everyItem(equalTo("0.00")));

        // 750,000 on the first due date: 690,000 settles what is due, the 60,000 beyond goes by what
        // each still owes beyond it (2,700,000 : 1,800,000 : 900,000).
        UUID excess = Kub.disbursed(group, product, disbursedOn, shares);
        assertEquals(Map.of("Siti Aminah", "375000.00", "Dewi Lestari", "250000.00", "Rina Wati", "125000.00"),
                Kub.parts(group, Kub.repay(group, excess, Map.of("amount", "750000", "paidOn", firstDue))));
        assertEquals(new BigDecimal("2670000.00"), Kub.outstanding(led, Kub.shares(group, excess).get("Siti Aminah")));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));
    }

    @Test
    void forGoesToThatMembersShareAndWhatItCannotTakeToTheOthers() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);
        String disbursedOn = day(-100);
        String firstDue = LocalDate.parse(disbursedOn).plusMonths(1).toString();
        UUID loan = Kub.disbursed(group, product, disbursedOn, "Siti Aminah", "3000000", "Dewi Lestari", "2000000",
                "Rina Wati", "1000000");
        Response forDewi = Kub.repay(group, loan, Map.of("amount", "230000", "paidOn", firstDue,
                "for", group.member("Dewi Lestari")));
        forDewi.then().statusCode(201)
                .body("forMemberId", equalTo(group.member("Dewi Lestari").toString()))
                .body("parts", hasSize(1));
        assertEquals(Map.of("Dewi Lestari", "230000.00"), Kub.parts(group, forDewi));

        // Rina's share can take 1,015,000 (its principal and the first installment's interest); the
        // 85,000 left goes to the others by what they have due: 345,000 : 0 → all to Siti.
        Response forRina = Kub.repay(group, loan, Map.of("amount", "1100000", "paidOn", firstDue,
                "for", group.member("Rina Wati")));
        forRina.then().statusCode(201);
        assertEquals(Map.of("Rina Wati", "1015000.00", "Siti Aminah", "85000.00"), Kub.parts(group, forRina));
        Map<String, UUID> shares = Kub.shares(group, loan);
        Lending.loan(led, shares.get("Rina Wati")).then().body("status", equalTo("CLOSED"));
        Kub.groupLoan(group, loan).then().body("status", equalTo("DISBURSED"));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));

        // A second group loan, the overflow spread by what is due: 345,000 : 230,000 → 51,000 and 34,000.
        UUID second = Kub.disbursed(group, product, disbursedOn, "Siti Aminah", "3000000", "Dewi Lestari",
                "2000000", "Rina Wati", "1000000");
        assertEquals(Map.of("Rina Wati", "1015000.00", "Siti Aminah", "51000.00", "Dewi Lestari", "34000.00"),
                Kub.parts(group, Kub.repay(group, second, Map.of("amount", "1100000", "paidOn", firstDue,
                        "for", group.member("Rina Wati")))));
    }

    @Test
    void reversingAGroupPaymentRestoresEveryShare() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);
        String disbursedOn = day(-100);
        String firstDue = LocalDate.parse(disbursedOn).plusMonths(1).toString();
        UUID loan = Kub.disbursed(group, product, disbursedOn, "Siti Aminah", "3000000", "Dewi Lestari", "2000000",
                "Rina Wati", "1000000");
        Map<String, UUID> shares = Kub.shares(group, loan);
        BigDecimal cash = Lending.balance(led, "1-1100");
        Response paid = Kub.repay(group, loan, Map.of("amount", "690000", "paidOn", firstDue));
        paid.then().statusCode(201);
        String payment = paid.path("id");
        String sitiPart = as(Tokens.auditor(led)).get(base(led) + "/loans/" + shares.get("Siti Aminah")
                + "/repayments").then().extract().path("items[0].id");
        assertProblem(Lending.reverseRepayment(led, shares.get("Siti Aminah"), sitiPart, Map.of("reason", "coba")),
                409, "repayment-of-group");
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "coba"))
                .post(base(led) + "/journal-entries/" + paid.path("entryId") + "/reversal"), 409,
                "entry-owned-by-operation");

        // A later single repayment of Siti's share stands on top: the group's payment waits for it.
        String single = Lending.repay(led, shares.get("Siti Aminah"), "100000", day(0)).then().statusCode(201)
                .extract().path("id");
        String reversal = group.path() + "/loans/" + loan + "/repayments/" + payment + "/reversal";
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "Transfer ditolak")).post(reversal), 409,
                "repayment-not-latest");
        Lending.reverseRepayment(led, shares.get("Siti Aminah"), single, Map.of("reason", "Salah catat")).then()
                .statusCode(201);

        assertProblem(as(Tokens.clerk(led)).body(Map.of("reason", "Transfer ditolak")).post(reversal), 403,
                "forbidden");
        Response reversed = as(Tokens.manager(led)).body(Map.of("reason", "Transfer dari KUB Mawar ditolak bank"))
                .post(reversal);
        reversed.then().statusCode(201)
                .header("Location", endsWith(group.path() + "/loans/" + loan))
                .body("groupRepaymentId", equalTo(payment))
                .body("groupLoan.outstandingPrincipal", equalTo("6000000.00"))
                .body("groupLoan.shares.outstandingPrincipal", containsInAnyOrder("3000000.00", "2000000.00",
                        "1000000.00"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + reversed.path("entryId")).then()
                .body("kind", equalTo("REVERSAL"))
                .body("postings.account", contains("1-1100", "4-1100", "1-1300"))
                .body("postings.side", contains("CREDIT", "DEBIT", "DEBIT"))
                .body("postings.amount", contains("690000.00", "90000.00", "600000.00"));
        for (UUID share : shares.values()) {
            Lending.schedule(led, share).then()
                    .body("installments.paidPrincipal", everyItem(equalTo("0.00")))
                    .body("installments.paidInterest", everyItem(equalTo("0.00")));
            as(Tokens.auditor(led)).get(base(led) + "/loans/" + share + "/repayments").then()
                    .body("items.reversedBy", everyItem(notNullValue()));
        }
        assertEquals(new BigDecimal("6000000.00"), Lending.balance(led, "1-1300"));
        assertEquals(cash, Lending.balance(led, "1-1100"));
        assertEquals(Lending.balanceAsOf(led, "1-1300", firstDue), Lending.outstandingAsOf(led, firstDue));
        as(Tokens.auditor(led)).get(group.path() + "/loans/" + loan + "/repayments").then()
                .body("items[0].reversedBy", equalTo(reversed.path("entryId")));
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "lagi")).post(reversal), 409,
                "repayment-already-reversed");
        as(Tokens.auditor(led)).get(base(led) + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theGroupViewShowsItsLoansAndFlagsEveryMemberInArrears() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", MAWAR);
        UUID product = Lending.flatProduct(led);
        LocalDate disbursedOn = Lending.today().minusMonths(1).minusDays(10);
        UUID loan = Kub.disbursed(group, product, disbursedOn.toString(), "Siti Aminah", "3000000", "Dewi Lestari",
                "2000000", "Rina Wati", "1000000");
        String firstDue = disbursedOn.plusMonths(1).toString();
        // The group covers Siti and Dewi on the due date; Rina's installment stays unpaid.
        Kub.repay(group, loan, Map.of("amount", "345000", "paidOn", firstDue, "for", group.member("Siti Aminah")))
                .then().statusCode(201);
        Kub.repay(group, loan, Map.of("amount", "230000", "paidOn", firstDue, "for", group.member("Dewi Lestari")))
                .then().statusCode(201);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(disbursedOn.plusMonths(1), Lending.today());

        Response view = as(Tokens.auditor(led)).get(group.path());
        view.then().statusCode(200)
                .body("groupLoans", hasSize(1))
                .body("groupLoans[0].id", equalTo(loan.toString()))
                .body("groupLoans[0].outstandingPrincipal", equalTo("5500000.00"))
                .body("groupLoans[0].sharesInArrears", equalTo(1))
                .body("groupLoans[0].daysPastDue", equalTo(days))
                .body("loans", hasSize(3))
                .body("memberArrears", hasSize(3));
        List<Map<String, Object>> arrears = view.path("memberArrears");
        for (Map<String, Object> member : arrears) {
            boolean rina = member.get("memberId").equals(group.member("Rina Wati").toString());
            assertEquals(rina, member.get("inArrears"), member::toString);
            assertEquals(rina ? days : 0, member.get("daysPastDue"), member::toString);
        }
        Kub.groupLoan(group, loan).then()
                .body("arrearsAmount", notNullValue())
                .body("shares.find { it.memberName == 'Rina Wati' }.inArrears", equalTo(true))
                .body("shares.find { it.memberName == 'Rina Wati' }.daysPastDue", equalTo(days))
                .body("shares.find { it.memberName == 'Siti Aminah' }.inArrears", equalTo(false));
        // As of the due date itself nobody is late yet.
        as(Tokens.auditor(led)).queryParam("asOf", firstDue).get(group.path() + "/loans/" + loan).then()
                .body("sharesInArrears", equalTo(0))
                .body("daysPastDue", equalTo(0));
    }
}
