package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every indicator of issue 11 pinned on a hand-computed cohort made through the API: twelve trainees
 * over two programmes (nine in the one measured), three segments and both genders with a birthday on
 * the youth/adult boundary, five trainees with loans (one more than 30 days in arrears, two fully
 * repaid, one before enrolment, one in the other programme), two in-kind assistances, baseline and
 * follow-up outcomes, one withdrawal, and two borrowers who were never trainees. Fixed dates, so the
 * figures are the same on every run; all read as of 2026-06-30.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ProgrammeIndicatorsTest {

    private static final String AS_OF = "2026-06-30";
    /** 3,000,000 FLAT 1 %/month over 3 months: 1,000,000 principal + 30,000 interest an installment. */
    private static final String INSTALLMENT = "1030000";

    @Test
    void computesEveryIndicatorOfAHandComputedCohort() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Bengkalis 2025", "decreeNumber", "SK 12/2025",
                "amount", "500000000", "receivedOn", "2025-01-02")).post(base(led) + "/grants").then()
                .statusCode(201);
        UUID product = Lending.product(led, "FLAT", "1", "MONTH", "MONTHLY", 3, Map.of());

        // Programme 1 starts 2026-01-05; the segment is the age in completed years on that day.
        UUID p1 = Training.programme(led, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-30"));
        UUID ani = enrol(led, p1, "Ani Lestari", "F", "2000-03-10", null);        // 25: youth
        UUID budi = enrol(led, p1, "Budi Santoso", "M", "1998-07-01", null);      // 27: youth
        UUID citra = member(led, "Citra Dewi", "F", "1995-01-05");                // 31 on the start day: adult
        UUID dedi = enrol(led, p1, "Dedi Kurniawan", "M", "1985-05-20", null);    // 40: adult
        UUID eka = enrol(led, p1, "Eka Putri", "F", "1980-11-11", null);          // 45: adult
        UUID fajar = enrol(led, p1, "Fajar Hidayat", "M", "1970-02-02", null);    // 55: elderly
        UUID gita = enrol(led, p1, "Gita Maharani", "F", "1965-08-08", null);     // 60: elderly
        UUID hadi = enrol(led, p1, "Hadi Saputra", "M", "2001-12-12", null);      // 24: youth, withdraws
        UUID intan = enrol(led, p1, "Intan Permata", "F", "1975-04-04", "2026-01-20"); // 50: adult, late
        UUID citraT = enrolMember(led, p1, citra, null);
        as(Tokens.trainer(led)).get(base(led) + "/trainees/" + citraT).then().body("trainee.segment", equalTo("ADULT"));
        as(Tokens.trainer(led)).get(base(led) + "/trainees/" + ani).then().body("trainee.segment", equalTo("YOUTH"));
        // Programme 2: three more trainees, none of them in programme 1's figures.
        UUID p2 = Training.programme(led, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-05-31"));
        UUID joko = enrol(led, p2, "Joko Susilo", "M", "1990-06-06", null);
        enrol(led, p2, "Kartika Sari", "F", "1960-01-01", null);
        enrol(led, p2, "Lina Marlina", "F", "2003-03-03", null);

        // Sessions and attendance. Windows: Hadi (withdrawn 01-30) S1, S2; Intan (from 01-20) S2–S4; others S1–S4.
        present(led, p1, "2026-01-10", "WRS", ani, budi, citraT, dedi, eka, fajar, gita, hadi);
        present(led, p1, "2026-01-24", "WRS", ani, budi, citraT, dedi, fajar, intan);
        present(led, p1, "2026-02-07", "KEU", ani, budi, dedi, eka, fajar, intan);
        present(led, p1, "2026-02-21", "KEU", ani, budi, citraT, dedi, eka, fajar);
        post(Tokens.trainer(led), led, "/trainees/" + hadi + "/withdrawal", Map.of("on", "2026-01-30",
                "reason", "Pindah kerja ke Pekanbaru"), 200);
        for (UUID done : List.of(ani, budi, citraT, dedi, eka, fajar, gita)) {
            post(Tokens.trainer(led), led, "/trainees/" + done + "/completion", Map.of("completedOn", "2026-04-30"),
                    200);
        }

        // Evaluations: WRS 80, 55, 70, 60, 90, 45, 65; KEU 75, 62, 58, 88.
        evaluate(led, ani, "WRS", 80);
        evaluate(led, budi, "WRS", 55);
        evaluate(led, citraT, "WRS", 70);
        evaluate(led, dedi, "WRS", 60);
        evaluate(led, eka, "WRS", 90);
        evaluate(led, fajar, "WRS", 45);
        evaluate(led, gita, "WRS", 65);
        evaluate(led, ani, "KEU", 75);
        evaluate(led, budi, "KEU", 62);
        evaluate(led, dedi, "KEU", 58);
        evaluate(led, fajar, "KEU", 88);
        // Feedback: 5, 4, 4, 3, 5, 4.
        int[] ratings = {5, 4, 4, 3, 5, 4};
        List<UUID> raters = List.of(ani, budi, citraT, dedi, eka, fajar);
        for (int i = 0; i < ratings.length; i++) {
            post(Tokens.trainer(led), led, "/trainees/" + raters.get(i) + "/feedback",
                    Map.of("givenOn", "2026-04-28", "rating", ratings[i]), 201);
        }

        // Loans, 3,000,000 each. Ani: 2026-02-01, all three paid on their due dates (fully repaid on schedule).
        UUID l1 = Lending.disbursed(led, member(led, ani), product, "3000000", "2026-02-01");
        payOnDueDates(led, l1, 3);
        // Dedi: 2026-03-01, nothing paid: the 04-01 installment is 90 days past due on 06-30.
        Lending.disbursed(led, member(led, dedi), product, "3000000", "2026-03-01");
        // Fajar: 2026-05-15, the 06-15 installment paid on time: 2,000,000 outstanding, not yet matured.
        UUID l3 = Lending.disbursed(led, member(led, fajar), product, "3000000", "2026-05-15");
        payOnDueDates(led, l3, 1);
        // Citra before her enrolment: 2025-11-01, paid on time; shown apart, not capital from training.
        UUID l4 = Lending.disbursed(led, citra, product, "3000000", "2025-11-01");
        payOnDueDates(led, l4, 3);
        // Joko, trainee of programme 2: 2026-04-01, nothing paid; never among the never-trained.
        Lending.disbursed(led, member(led, joko), product, "3000000", "2026-04-01");
        // Two borrowers who were never trainees: one repaid on schedule, one 41 days past due (05-20 → 06-30).
        UUID n1 = Lending.disbursed(led, Training.member(led, "Mulyadi", "M", LocalDate.parse("1978-09-09")),
                product, "3000000", "2026-01-10");
        payOnDueDates(led, n1, 3);
        Lending.disbursed(led, Training.member(led, "Nur Aisyah", "F", LocalDate.parse("1988-10-10")), product,
                "3000000", "2026-04-20");

        // In-kind assistance: Eka 1,500,000 from a sponsor on 05-10, Gita 800,000 paid by the LED on 05-20.
        post(Tokens.clerk(led), led, "/trainees/" + eka + "/assistance", Map.of("kind", "IN_KIND", "description",
                "Mesin jahit", "value", "1500000", "givenOn", "2026-05-10", "paidByLed", false, "sponsor",
                "CSR PT Pertamina Hulu Rokan"), 201);
        post(Tokens.clerk(led), led, "/trainees/" + gita + "/assistance", Map.of("kind", "IN_KIND", "description",
                "Bibit nanas 1.000 batang", "value", "800000", "givenOn", "2026-05-20", "paidByLed", true,
                "paidFrom", "1-1200"), 201);

        // Outcomes: baseline 2026-01-05, follow-up 2026-06-15 (Gita and Hadi only a baseline, Intan none).
        String g1 = as(Tokens.manager(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId", member(led, ani)))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id");
        String g2 = as(Tokens.manager(led)).body(Map.of("name", "KUB Melati", "leaderMemberId", member(led, eka)))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id");
        outcome(led, ani, "2026-01-05", "1000000", false, false, null);
        outcome(led, ani, "2026-06-15", "2500000", true, true, g1);
        outcome(led, budi, "2026-01-05", "800000", false, false, null);
        outcome(led, budi, "2026-06-15", "1200000", true, false, null);
        outcome(led, citraT, "2026-01-05", "1500000", true, false, null);
        outcome(led, citraT, "2026-06-15", "2000000", true, true, g1);
        outcome(led, dedi, "2026-01-05", "2000000", true, false, null);
        outcome(led, dedi, "2026-06-15", "2000000", true, false, null);
        outcome(led, eka, "2026-01-05", "500000", false, false, null);
        outcome(led, eka, "2026-06-15", "1800000", false, true, g2);
        outcome(led, fajar, "2026-01-05", "1200000", true, true, null);
        outcome(led, fajar, "2026-06-15", "1500000", true, true, null);
        outcome(led, gita, "2026-01-05", "700000", false, false, null);
        outcome(led, hadi, "2026-01-05", "900000", false, false, null);

        String url = base(led) + "/programmes/" + p1 + "/indicators?asOf=" + AS_OF;
        as(Tokens.trainer(led)).get(url).then().statusCode(200)
                .body("programmeId", equalTo(p1.toString()))
                .body("asOf", equalTo(AS_OF))
                // Ani..Intan: 9 (programme 2's three are not here); 7 completed 04-30; Hadi withdrew.
                .body("overall.enrolled", equalTo(9))
                .body("overall.completed", equalTo(7))
                .body("overall.withdrawn", equalTo(1))
                // 7 ÷ 9 = 0.77777…
                .body("overall.completionRate", equalTo("0.7778"))
                // Attended ÷ held: Ani, Budi, Dedi, Fajar 4/4; Citra 3/4; Eka 3/4; Gita 1/4; Hadi 1/2;
                // Intan 2/3. Sum 83/12, over 9 trainees = 83/108 = 0.76851…
                .body("overall.averageAttendanceRate", equalTo("0.7685"))
                // WRS: 465 ÷ 7 = 66.428…; ≥ 60: 80, 70, 60, 90, 65 = 5 of 7. KEU: 283 ÷ 4; ≥ 60: 75, 62, 88.
                .body("overall.modules.moduleCode", contains("WRS", "KEU"))
                .body("overall.modules[0].evaluations", equalTo(7))
                .body("overall.modules[0].averageScore", equalTo("66.43"))
                .body("overall.modules[0].passingShare", equalTo("0.7143"))
                .body("overall.modules[1].evaluations", equalTo(4))
                .body("overall.modules[1].averageScore", equalTo("70.75"))
                .body("overall.modules[1].passingShare", equalTo("0.7500"))
                // (5 + 4 + 4 + 3 + 5 + 4) ÷ 6 = 4.1666…
                .body("overall.averageFeedbackRating", equalTo("4.17"))
                // Ani, Dedi, Fajar (loans on or after enrolment, 3,000,000 each), Eka 1,500,000, Gita 800,000;
                // Citra's loan came before her enrolment. Days from completion (04-30) to first capital:
                // Ani 02-01 = −88, Dedi 03-01 = −60, Eka 05-10 = 10, Fajar 05-15 = 15, Gita 05-20 = 20: median 10.
                .body("overall.capital.trainees", equalTo(5))
                .body("overall.capital.totalAmount", equalTo("11300000.00"))
                .body("overall.capital.medianDaysFromCompletionToFirstCapital", equalTo(10))
                // Trained: Ani (repaid, matured, on schedule), Dedi (3,000,000, 90 days, matured, late), Fajar
                // (2,000,000, current, not matured). PAR30 3,000,000 ÷ 5,000,000; on schedule 1 of 2 matured.
                .body("overall.trainedBorrowers.loans", equalTo(3))
                .body("overall.trainedBorrowers.borrowers", equalTo(3))
                .body("overall.trainedBorrowers.outstanding", equalTo("5000000.00"))
                .body("overall.trainedBorrowers.par30", equalTo("0.6000"))
                .body("overall.trainedBorrowers.matured", equalTo(2))
                .body("overall.trainedBorrowers.fullyRepaidOnScheduleShare", equalTo("0.5000"))
                .body("overall.trainedBorrowers.averageDaysPastDue", equalTo("90.00"))
                // Citra's earlier loan: repaid on schedule, nothing outstanding, nothing in arrears.
                .body("overall.capitalBeforeEnrolment.loans", equalTo(1))
                .body("overall.capitalBeforeEnrolment.outstanding", equalTo("0.00"))
                .body("overall.capitalBeforeEnrolment.par30", equalTo("0.0000"))
                .body("overall.capitalBeforeEnrolment.fullyRepaidOnScheduleShare", equalTo("1.0000"))
                .body("overall.capitalBeforeEnrolment.averageDaysPastDue", nullValue())
                // Latest outcome with a business: Ani, Citra, Eka, Fajar: 4 of 9 enrolled.
                .body("overall.businessesStarted.count", equalTo(4))
                .body("overall.businessesStarted.share", equalTo("0.4444"))
                // 8 with an outcome (not Intan). Employed at baseline: Citra, Dedi, Fajar = 3/8; now (latest,
                // Gita and Hadi their only one): Ani, Budi, Citra, Dedi, Fajar = 5/8.
                .body("overall.employed.withOutcome", equalTo(8))
                .body("overall.employed.baselineShare", equalTo("0.3750"))
                .body("overall.employed.nowShare", equalTo("0.6250"))
                // Baseline 500k 700k 800k 900k | 1.0M 1.2M 1.5M 2.0M → (900,000 + 1,000,000) ÷ 2.
                // Now 700k 900k 1.2M 1.5M | 1.8M 2.0M 2.0M 2.5M → (1,500,000 + 1,800,000) ÷ 2.
                // Change 0 0 0 300k | 400k 500k 1.3M 1.5M → (300,000 + 400,000) ÷ 2.
                .body("overall.monthlyIncome.medianBaseline", equalTo("950000.00"))
                .body("overall.monthlyIncome.medianNow", equalTo("1650000.00"))
                .body("overall.monthlyIncome.medianChange", equalTo("350000.00"))
                // KUB Mawar (Ani, Citra) and KUB Melati (Eka).
                .body("overall.groupsFormedOrJoined", equalTo(2))

                // Youth: Ani, Budi, Hadi. Completed 2 of 3; attendance (1 + 1 + 1/2) ÷ 3.
                .body("bySegment.youth.enrolled", equalTo(3))
                .body("bySegment.youth.completionRate", equalTo("0.6667"))
                .body("bySegment.youth.withdrawn", equalTo(1))
                .body("bySegment.youth.averageAttendanceRate", equalTo("0.8333"))
                .body("bySegment.youth.trainedBorrowers.loans", equalTo(1))
                .body("bySegment.youth.trainedBorrowers.fullyRepaidOnScheduleShare", equalTo("1.0000"))
                // Adult: Citra (the boundary birthday), Dedi, Eka, Intan. (3/4 + 1 + 3/4 + 2/3) ÷ 4 = 19/24.
                .body("bySegment.adult.enrolled", equalTo(4))
                .body("bySegment.adult.completed", equalTo(3))
                .body("bySegment.adult.completionRate", equalTo("0.7500"))
                .body("bySegment.adult.averageAttendanceRate", equalTo("0.7917"))
                .body("bySegment.adult.trainedBorrowers.par30", equalTo("1.0000"))
                .body("bySegment.adult.capitalBeforeEnrolment.loans", equalTo(1))
                // Elderly: Fajar, Gita. (1 + 1/4) ÷ 2; capital Fajar 3,000,000 + Gita 800,000; days 15, 20.
                .body("bySegment.elderly.enrolled", equalTo(2))
                .body("bySegment.elderly.completionRate", equalTo("1.0000"))
                .body("bySegment.elderly.averageAttendanceRate", equalTo("0.6250"))
                .body("bySegment.elderly.capital.totalAmount", equalTo("3800000.00"))
                .body("bySegment.elderly.capital.medianDaysFromCompletionToFirstCapital", equalTo(18))
                .body("bySegment.elderly.trainedBorrowers.matured", equalTo(0))
                .body("bySegment.elderly.trainedBorrowers.fullyRepaidOnScheduleShare", nullValue())

                // Women: Ani, Citra, Eka, Gita, Intan. Attendance (1 + 3/4 + 3/4 + 1/4 + 2/3) ÷ 5 = 41/60.
                .body("byGender.female.enrolled", equalTo(5))
                .body("byGender.female.completionRate", equalTo("0.8000"))
                .body("byGender.female.averageAttendanceRate", equalTo("0.6833"))
                // WRS 80 70 90 65 → 305 ÷ 4, all pass; KEU Ani 75.
                .body("byGender.female.modules[0].averageScore", equalTo("76.25"))
                .body("byGender.female.modules[0].passingShare", equalTo("1.0000"))
                .body("byGender.female.modules[1].averageScore", equalTo("75.00"))
                // (5 + 4 + 5) ÷ 3.
                .body("byGender.female.averageFeedbackRating", equalTo("4.67"))
                // Ani 3,000,000, Eka 1,500,000, Gita 800,000; days −88, 10, 20.
                .body("byGender.female.capital.trainees", equalTo(3))
                .body("byGender.female.capital.totalAmount", equalTo("5300000.00"))
                .body("byGender.female.capital.medianDaysFromCompletionToFirstCapital", equalTo(10))
                .body("byGender.female.groupsFormedOrJoined", equalTo(2))
                // Baseline incomes 500k 700k 1.0M 1.5M → (700,000 + 1,000,000) ÷ 2.
                .body("byGender.female.monthlyIncome.medianBaseline", equalTo("850000.00"))
                // Men: Budi, Dedi, Fajar, Hadi. Attendance (1 + 1 + 1 + 1/2) ÷ 4.
                .body("byGender.male.enrolled", equalTo(4))
                .body("byGender.male.completionRate", equalTo("0.7500"))
                .body("byGender.male.averageAttendanceRate", equalTo("0.8750"))
                // WRS 55 60 45 → 160 ÷ 3, 1 of 3 passes; KEU 62 58 88 → 208 ÷ 3, 2 of 3.
                .body("byGender.male.modules[0].averageScore", equalTo("53.33"))
                .body("byGender.male.modules[0].passingShare", equalTo("0.3333"))
                .body("byGender.male.modules[1].averageScore", equalTo("69.33"))
                .body("byGender.male.modules[1].passingShare", equalTo("0.6667"))
                // Dedi −60, Fajar 15: an even count, (−60 + 15) ÷ 2 = −22.5, HALF_UP (away from zero) −23.
                .body("byGender.male.capital.trainees", equalTo(2))
                .body("byGender.male.capital.totalAmount", equalTo("6000000.00"))
                .body("byGender.male.capital.medianDaysFromCompletionToFirstCapital", equalTo(-23))
                .body("byGender.male.groupsFormedOrJoined", equalTo(0))
                .body("byGender.male.businessesStarted.count", equalTo(1))

                // Never trainees: Mulyadi (repaid on schedule) and Nur (3,000,000, 41 days); Joko, a trainee of
                // programme 2, is not among them. PAR30 3,000,000 ÷ 3,000,000; on schedule 1 of 1 matured.
                .body("neverTrainedBorrowers.loans", equalTo(2))
                .body("neverTrainedBorrowers.borrowers", equalTo(2))
                .body("neverTrainedBorrowers.outstanding", equalTo("3000000.00"))
                .body("neverTrainedBorrowers.par30", equalTo("1.0000"))
                .body("neverTrainedBorrowers.matured", equalTo(1))
                .body("neverTrainedBorrowers.fullyRepaidOnScheduleShare", equalTo("1.0000"))
                .body("neverTrainedBorrowers.averageDaysPastDue", equalTo("41.00"));

        // On programme 1's start: the eight enrolled by then (not Intan), baselines only, no session yet.
        as(Tokens.auditor(led)).get(base(led) + "/programmes/" + p1 + "/indicators?asOf=2026-01-05").then()
                .statusCode(200)
                .body("overall.enrolled", equalTo(8))
                .body("overall.completed", equalTo(0))
                .body("overall.averageAttendanceRate", nullValue())
                .body("overall.modules[0].evaluations", equalTo(0))
                .body("overall.modules[0].averageScore", nullValue())
                .body("overall.capital.trainees", equalTo(0))
                .body("overall.trainedBorrowers.loans", equalTo(0))
                .body("overall.capitalBeforeEnrolment.loans", equalTo(1))
                .body("overall.monthlyIncome.medianChange", equalTo("0.00"));

        // The second quarter's activity (04-01 to 06-30): Hadi left before it, so 8 trainees; the 7 completions;
        // no session; the 11 evaluations and 6 ratings; capital Eka 05-10, Fajar 05-15, Gita 05-20 (1,500,000 +
        // 3,000,000 + 800,000; days 10, 15, 20); the 6 follow-ups, each the earliest and latest of its trainee
        // in the quarter: businesses Ani, Citra, Eka, Fajar (4 of 8), employed all but Eka (5 of 6), incomes
        // 1.2M 1.5M 1.8M | 2.0M 2.0M 2.5M → (1,800,000 + 2,000,000) ÷ 2; Nur's loan the only never-trained one.
        String quarterly = base(led) + "/programmes/" + p1 + "/reports/quarterly";
        as(Tokens.auditor(led)).get(quarterly + "?year=2026&quarter=2").then().statusCode(200)
                .body("from", equalTo("2026-04-01"))
                .body("to", equalTo("2026-06-30"))
                .body("activity.overall.enrolled", equalTo(8))
                .body("activity.overall.completed", equalTo(7))
                .body("activity.overall.withdrawn", equalTo(0))
                .body("activity.overall.completionRate", equalTo("0.8750"))
                .body("activity.overall.averageAttendanceRate", nullValue())
                .body("activity.overall.modules[0].evaluations", equalTo(7))
                .body("activity.overall.averageFeedbackRating", equalTo("4.17"))
                .body("activity.overall.capital.trainees", equalTo(3))
                .body("activity.overall.capital.totalAmount", equalTo("5300000.00"))
                .body("activity.overall.capital.medianDaysFromCompletionToFirstCapital", equalTo(15))
                .body("activity.overall.trainedBorrowers.loans", equalTo(1))
                .body("activity.overall.trainedBorrowers.outstanding", equalTo("2000000.00"))
                .body("activity.overall.capitalBeforeEnrolment.loans", equalTo(0))
                .body("activity.overall.businessesStarted.count", equalTo(4))
                .body("activity.overall.businessesStarted.share", equalTo("0.5000"))
                .body("activity.overall.employed.withOutcome", equalTo(6))
                .body("activity.overall.employed.nowShare", equalTo("0.8333"))
                .body("activity.overall.monthlyIncome.medianNow", equalTo("1900000.00"))
                .body("activity.overall.monthlyIncome.medianChange", equalTo("0.00"))
                .body("activity.overall.groupsFormedOrJoined", equalTo(2))
                .body("activity.neverTrainedBorrowers.loans", equalTo(1))
                .body("activity.neverTrainedBorrowers.averageDaysPastDue", equalTo("41.00"))
                // The cumulative position at the quarter's end is the indicators as of 06-30.
                .body("cumulative.asOf", equalTo(AS_OF))
                .body("cumulative.overall.enrolled", equalTo(9))
                .body("cumulative.overall.averageAttendanceRate", equalTo("0.7685"))
                .body("cumulative.overall.trainedBorrowers.par30", equalTo("0.6000"));
        // The first quarter: all 9 (Hadi left in it), all four sessions (so the attendance of the whole),
        // Ani's and Dedi's loans, the 8 baselines (median 950,000 as above).
        as(Tokens.trainer(led)).get(quarterly + "?year=2026&quarter=1").then().statusCode(200)
                .body("activity.overall.enrolled", equalTo(9))
                .body("activity.overall.withdrawn", equalTo(1))
                .body("activity.overall.completed", equalTo(0))
                .body("activity.overall.averageAttendanceRate", equalTo("0.7685"))
                .body("activity.overall.capital.trainees", equalTo(2))
                .body("activity.overall.capital.totalAmount", equalTo("6000000.00"))
                .body("activity.overall.monthlyIncome.medianBaseline", equalTo("950000.00"));
        as(Tokens.trainer(led)).get(quarterly + "?year=2026&quarter=5").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.trainer(led)).get(quarterly + "?year=1999&quarter=1").then().statusCode(400)
                .contentType("application/problem+json");

        // Another LED's programme is not there; nor is an unknown one.
        as(Tokens.trainer(led)).get(quarterly.replace(p1.toString(), UUID.randomUUID().toString())
                + "?year=2026&quarter=9").then().statusCode(404);
        UUID other = Api.createLed();
        as(Tokens.trainer(other)).get(base(other) + "/programmes/" + p1 + "/indicators").then().statusCode(404);
        as(Tokens.trainer(led)).get(base(led) + "/programmes/" + UUID.randomUUID() + "/indicators").then()
                .statusCode(404);
    }

    private static UUID member(UUID led, String name, String gender, String birth) {
        return Training.member(led, name, gender, LocalDate.parse(birth));
    }

    private static UUID enrol(UUID led, UUID programme, String name, String gender, String birth, String on) {
        return enrolMember(led, programme, member(led, name, gender, birth), on);
    }

    private static UUID enrolMember(UUID led, UUID programme, UUID member, String on) {
        Map<String, Object> body = new HashMap<>(Map.of("memberId", member));
        if (on != null) {
            body.put("enrolledOn", on);
        }
        return UUID.fromString(as(Tokens.trainer(led)).body(body).post(base(led) + "/programmes/" + programme
                + "/trainees").then().statusCode(201).extract().path("id"));
    }

    /** The member a trainee is. */
    private static UUID member(UUID led, UUID trainee) {
        return UUID.fromString(as(Tokens.trainer(led)).get(base(led) + "/trainees/" + trainee).then().statusCode(200)
                .extract().path("trainee.memberId"));
    }

    private static void present(UUID led, UUID programme, String heldOn, String module, UUID... trainees) {
        UUID session = Training.session(led, programme, LocalDate.parse(heldOn), module);
        as(Tokens.trainer(led)).body(Map.of("present", List.of(trainees))).put(base(led) + "/programmes/"
                + programme + "/sessions/" + session + "/attendance").then().statusCode(200);
    }

    private static void evaluate(UUID led, UUID trainee, String module, int score) {
        post(Tokens.trainer(led), led, "/trainees/" + trainee + "/evaluations", Map.of("moduleCode", module,
                "score", score, "evaluatedOn", "2026-04-25"), 201);
    }

    private static void outcome(UUID led, UUID trainee, String on, String income, boolean employed,
            boolean business, String group) {
        Map<String, Object> body = new HashMap<>(Map.of("recordedOn", on, "monthlyIncome", income, "employed",
                employed, "businessStarted", business));
        if (group != null) {
            body.put("joinedGroupId", group);
        }
        post(Tokens.trainer(led), led, "/trainees/" + trainee + "/outcomes", body, 201);
    }

    /** Pays the first {@code count} installments, each in full on its due date. */
    private static void payOnDueDates(UUID led, UUID loan, int count) {
        List<String> due = Lending.schedule(led, loan).then().statusCode(200).extract().path("installments.dueOn");
        for (int i = 0; i < count; i++) {
            Lending.repay(led, loan, INSTALLMENT, due.get(i)).then().statusCode(201);
        }
    }

    private static void post(String token, UUID led, String path, Map<String, Object> body, int status) {
        as(token).body(body).post(base(led) + path).then().statusCode(status);
    }
}
