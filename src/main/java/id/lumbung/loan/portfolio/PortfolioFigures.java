package id.lumbung.loan.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.loan.quality.QualityClass;
import id.lumbung.money.Amount;

/**
 * The portfolio's figures from its loans, with no database: counts, outstanding, classes, PAR and
 * the breakdowns. PAR<i>n</i> is the outstanding principal of loans more than <i>n</i> days past
 * due (PAR1: at least one day) over all outstanding principal.
 */
final class PortfolioFigures {

    private final List<PortfolioLoan> loans;

    PortfolioFigures(List<PortfolioLoan> loans) {
        this.loans = loans;
    }

    int count() {
        return loans.size();
    }

    int borrowers() {
        Set<UUID> members = new HashSet<>();
        loans.forEach(loan -> members.add(loan.memberId()));
        return members.size();
    }

    Amount outstanding() {
        return sum(loans, loan -> true);
    }

    Amount provisionRequired() {
        return loans.stream().map(loan -> loan.grade().provisionRequired()).reduce(Amount.ZERO, Amount::plus);
    }

    /** Every class of the table in force, in its order, also the empty ones. */
    List<PortfolioView.ClassFigures> byClass(List<QualityClass> classes) {
        Map<Kolektibilitas, List<PortfolioLoan>> in = new EnumMap<>(Kolektibilitas.class);
        loans.forEach(loan -> in.computeIfAbsent(loan.grade().kolektibilitas(), k -> new ArrayList<>()).add(loan));
        List<PortfolioView.ClassFigures> figures = new ArrayList<>();
        for (QualityClass c : classes) {
            List<PortfolioLoan> members = in.getOrDefault(c.kolektibilitas(), List.of());
            figures.add(new PortfolioView.ClassFigures(c.kolektibilitas(), members.size(), sum(members, l -> true),
                    c.rate().toPlainString(),
                    members.stream().map(l -> l.grade().provisionRequired()).reduce(Amount.ZERO, Amount::plus)));
        }
        return figures;
    }

    PortfolioView.Restructured restructured() {
        List<PortfolioLoan> rescheduled = loans.stream().filter(loan -> loan.grade().restructured()).toList();
        return new PortfolioView.Restructured(rescheduled.size(), sum(rescheduled, loan -> true));
    }

    PortfolioView.PortfolioAtRisk par() {
        return new PortfolioView.PortfolioAtRisk(par(loans, 0), par(loans, 30), par(loans, 90));
    }

    /** Groups in the order of their names; {@code names} of groups and of the members in arrears. */
    List<PortfolioView.GroupFigures> byGroup(Map<UUID, String> groupNames, Map<UUID, String> memberNames,
            boolean withNames) {
        Map<UUID, List<PortfolioLoan>> groups = partition(loan -> loan.groupId());
        List<PortfolioView.GroupFigures> figures = new ArrayList<>();
        groups.forEach((groupId, members) -> {
            Kolektibilitas worst = members.stream().map(l -> l.grade().kolektibilitas())
                    .max(Comparator.naturalOrder()).orElseThrow();
            List<PortfolioView.MemberInArrears> inArrears = members.stream()
                    .filter(l -> l.daysPastDue() > 0)
                    .sorted(Comparator.comparingInt(PortfolioLoan::daysPastDue).reversed())
                    .map(l -> new PortfolioView.MemberInArrears(l.memberId(),
                            withNames ? memberNames.get(l.memberId()) : null, l.daysPastDue(),
                            l.position().arrearsAmount()))
                    .toList();
            figures.add(new PortfolioView.GroupFigures(groupId, groupNames.get(groupId), members.size(),
                    sum(members, l -> true), par(members, 30), worst, inArrears));
        });
        figures.sort(Comparator.comparing(PortfolioView.GroupFigures::name, Comparator.nullsLast(String::compareTo)));
        return figures;
    }

    List<PortfolioView.ProductFigures> byProduct(Map<UUID, String> productNames) {
        List<PortfolioView.ProductFigures> figures = new ArrayList<>();
        partition(PortfolioLoan::productId).forEach((productId, members) -> figures.add(
                new PortfolioView.ProductFigures(productId, productNames.get(productId), members.size(),
                        sum(members, l -> true), par(members, 30))));
        figures.sort(Comparator.comparing(PortfolioView.ProductFigures::name,
                Comparator.nullsLast(String::compareTo)));
        return figures;
    }

    /** Members whose loans are in arrears, for the names the report shows. */
    Set<UUID> membersInArrears() {
        Set<UUID> members = new HashSet<>();
        loans.stream().filter(l -> l.groupId() != null && l.daysPastDue() > 0).forEach(l -> members.add(l.memberId()));
        return members;
    }

    private Map<UUID, List<PortfolioLoan>> partition(Function<PortfolioLoan, UUID> key) {
        Map<UUID, List<PortfolioLoan>> parts = new LinkedHashMap<>();
        for (PortfolioLoan loan : loans) {
            UUID k = key.apply(loan);
            if (k != null) {
                parts.computeIfAbsent(k, x -> new ArrayList<>()).add(loan);
            }
        }
        return parts;
    }

    /** PAR over these loans: more than {@code days} past due (days 0: at least one day). */
    private static String par(List<PortfolioLoan> loans, int days) {
        return Ratio.of(sum(loans, loan -> loan.daysPastDue() > days), sum(loans, loan -> true));
    }

    private static Amount sum(List<PortfolioLoan> loans, Predicate<PortfolioLoan> which) {
        return loans.stream().filter(which).map(loan -> loan.position().outstandingPrincipal())
                .reduce(Amount.ZERO, Amount::plus);
    }
}
